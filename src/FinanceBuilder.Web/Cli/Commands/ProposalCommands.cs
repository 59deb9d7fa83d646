using System.CommandLine;
using System.Text.Json;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Validation;
using FinanceBuilder.Web.Proposals.Model;
using Mediator;

namespace FinanceBuilder.Web.Cli.Commands;

/// import <file> and export <id> <file>: proposals in and out of the database, as an account.
internal static class ProposalCommands
{
    public static Command Import(CliSession session)
    {
        var file = new Argument<string>("file") { Description = session.Text("Cli.Help.ImportFile") };
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json);
        var actAs = CliOptions.As(session);
        var command = new Command("import", session.Text("Cli.Help.Import")) { file, format, actAs };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                bytes = await Batch.ProposalSource.ReadFileAsync(path, session, ct);
            }
            catch (CliException refused)
            {
                return session.Fail(refused.ExitCode, $"{path}: {refused.Message}");
            }
            await using var host = new CliHost(session);
            await using var scope = await host.ActingAsAsync(parse.GetValue(actAs));
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportProposal.Command(bytes, session.Culture), ct);
            if (result.Created is not { } created)
                return session.Fail(ExitCodes.BadInput, $"{path}: {Batch.ProposalSource.Refusal(result.Errors)}");
            // Accepted now, never refused later: the documents' language is said at import.
            var answers = Enum.TryParse<Language>(created.Language, ignoreCase: true, out var parsed) ? parsed : Language.En;
            var documents = DocumentLanguages.DefaultFor(answers, host.Services.GetRequiredService<TemplatePacks>());
            if (documents != DocumentLanguages.Code(answers))
                await session.Error.WriteLineAsync(session.Text("Cli.DocumentLanguage", created.Language, documents));
            if (parse.GetValue(format) == CliFormats.Json)
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(new ImportResult(created, documents), ValidationReportView.JsonOptions));
            else
                await session.Out.WriteLineAsync($"{created.Id}\t{created.Title}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Export(CliSession session)
    {
        var id = new Argument<string>("id") { Description = session.Text("Cli.Help.ExportId") };
        var file = new Argument<string>("file") { Description = session.Text("Cli.Help.ExportFile") };
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json);
        var actAs = CliOptions.As(session);
        var command = new Command("export", session.Text("Cli.Help.Export")) { id, file, format, actAs };
        command.SetAction(async (parse, ct) =>
        {
            if (!Guid.TryParse(parse.GetValue(id), out var proposal))
                return session.Fail(ExitCodes.BadInput, $"{parse.GetValue(id)}: {session.Text("Cli.NotAnId")}");
            await using var host = new CliHost(session);
            await using var scope = await host.ActingAsAsync(parse.GetValue(actAs));
            var found = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetProposal.Query(proposal), ct);
            if (found is null)
                return session.Fail(ExitCodes.BadInput, $"{proposal}: {session.Text("NotFound")}");
            var target = parse.GetValue(file)!;
            await File.WriteAllTextAsync(target, found.Document + "\n", ct);
            if (parse.GetValue(format) == CliFormats.Json)
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(new ExportResult(proposal, Path.GetFullPath(target), found.Summary.Version), ValidationReportView.JsonOptions));
            else
                await session.Out.WriteLineAsync($"{target}\tversion {found.Summary.Version}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// import --format json: the stored proposal and the language its documents take by default.
    private sealed record ImportResult(ProposalSummary Proposal, string DocumentLanguage);

    private sealed record ExportResult(Guid Id, string File, int Version);
}
