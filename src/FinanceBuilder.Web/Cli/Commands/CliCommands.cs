using System.CommandLine;
using System.CommandLine.Help;

namespace FinanceBuilder.Web.Cli.Commands;

/// Every command of `financebuilder`, declared once: the parser, `--help` and docs/cli.md follow it.
internal static class CliCommands
{
    /// The root is named `financebuilder` (the script at the repository root and in a published
    /// folder), whatever the executable's file is called.
    public static Command Root(CliSession session)
    {
        var lang = CliOptions.Lang(session);
        var root = new Command("financebuilder", session.Text("Cli.Help.Root"))
        {
            new HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(session),
            PackageCommand.Create(session, lang),
            ProposalCommands.Import(session),
            ProposalCommands.Export(session),
            DatabaseCommands.Migrate(session),
            DatabaseCommands.CreateAdmin(session),
            DatabaseCommands.Backup(session),
            DatabaseCommands.Restore(session),
            SchemaCommand.Create(session),
        };
        root.Options.Add(lang);
        return root;
    }
}
