using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using FinanceBuilder.Web.Cli.Commands;

namespace FinanceBuilder.Web.Cli;

/// The command line of the same executable (`./financebuilder …`, docs/cli.md), for agencies'
/// batch work and automation. Each command runs the same handlers as the web app and the API, on
/// the same configured database. Standard output carries only results (text, json or jsonl);
/// messages go to standard error, one line each; the exit status says what happened (ExitCodes).
public static class CommandLine
{
    /// A first word that is not an option is a command (a mistyped one gets the parser's error, not
    /// a web server); the web app's own arguments are options (`--urls …`, `--Key=value`).
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version");

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CancellationToken ct = default)
    {
        var session = CliSession.Start(args, stdout ?? Console.Out, stderr ?? Console.Error);
        // The parser's own words (Usage, Options, its errors) follow the same language.
        CultureInfo.CurrentUICulture = session.Culture;
        // `help` and `help <command>` are `--help` and `<command> --help`.
        var arguments = session.Arguments is ["help", .. var rest] ? [.. rest.Take(1), "--help"] : session.Arguments;
        var parse = CliCommands.Root(session).Parse(arguments);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
                await session.Error.WriteLineAsync($"error: {error.Message}");
            var command = parse.CommandResult.Command == parse.RootCommandResult.Command ? "" : " " + parse.CommandResult.Command.Name;
            await session.Error.WriteLineAsync(session.Text("Cli.SeeHelp", $"financebuilder{command} --help"));
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = session.Out, Error = session.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (CliErrors.Classify(e) is { } known)
        {
            return session.Fail(known.ExitCode, known.Message);
        }
    }
}
