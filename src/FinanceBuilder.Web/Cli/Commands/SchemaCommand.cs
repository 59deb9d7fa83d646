using System.CommandLine;

namespace FinanceBuilder.Web.Cli.Commands;

/// schema [file] [--kind proposal|validation-report|cli-batch]: a JSON Schema, on standard output or into a file.
internal static class SchemaCommand
{
    public static Command Create(CliSession session)
    {
        var file = new Argument<string?>("file") { Description = session.Text("Cli.Help.SchemaFile"), Arity = ArgumentArity.ZeroOrOne };
        var kind = new Option<string>("--kind") { Description = session.Text("Cli.Help.SchemaKind"), HelpName = string.Join("|", OutputSchemas.Kinds), DefaultValueFactory = _ => OutputSchemas.Proposal };
        kind.AcceptOnlyFromAmong(OutputSchemas.Kinds);
        var command = new Command("schema", session.Text("Cli.Help.Schema")) { file, kind };
        command.SetAction(async (parse, ct) =>
        {
            var json = OutputSchemas.Json(parse.GetValue(kind)!);
            if (parse.GetValue(file) is { } path)
                await File.WriteAllTextAsync(path, json, ct);
            else
                await session.Out.WriteAsync(json);
            return ExitCodes.Ok;
        });
        return command;
    }
}
