using System.CommandLine;
using System.Text.Json;
using FinanceBuilder.Web.Cli.Batch;
using FinanceBuilder.Web.Features.Validation;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Cli.Commands;

/// validate <file|folder|id>… — the GCF-style check of each proposal. One proposal: its findings
/// (text) or its report (json). Several, or a folder: one line per proposal and a summary.
internal static class ValidateCommand
{
    public static Command Create(CliSession session)
    {
        var inputs = CliOptions.Inputs(session, "Cli.Help.ValidateInputs");
        var route = new Option<string?>("--route") { Description = session.Text("Cli.Help.Route"), HelpName = RouteNames.Allowed.Replace(", ", "|", StringComparison.Ordinal) };
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json, CliFormats.JsonLines);
        var jobs = CliOptions.Jobs(session);
        var actAs = CliOptions.As(session);
        var command = new Command("validate", session.Text("Cli.Help.Validate")) { inputs, route, format, jobs, actAs };
        command.SetAction(async (parse, ct) =>
        {
            Route? target = null;
            if (parse.GetValue(route) is { } name)
            {
                if (!RouteNames.TryParse(name, out var parsed))
                    throw new CliException(ExitCodes.Usage, session.Text("UnknownValue", "--route", name, RouteNames.Allowed));
                target = parsed;
            }
            await using var host = new CliHost(session);
            var run = new Run(session, host, target, parse.GetValue(actAs));
            var found = BatchInput.Expand(parse.GetValue(inputs)!, session, out var several);
            BatchInput.RequireAccount(found, parse.GetValue(actAs), session);
            var output = parse.GetValue(format)!;
            if (!several)
                return await run.OneAsync(found[0], output, ct);
            return await BatchRun.RunAsync(found, parse.GetValue(jobs), async (input, token) => (await run.CheckAsync(input, token)).Line,
                new BatchWriter(session, output, Detail(session)), ct);
        });
        return command;
    }

    /// A line's words after its status: "3 errors, 1 open warning".
    private static Func<BatchLine, string> Detail(CliSession session) => line =>
        $"{session.Count("Cli.Errors", line.Errors ?? 0)}, {session.Count("Cli.OpenWarnings", line.Warnings ?? 0)}";

    private sealed class Run(CliSession session, CliHost host, Route? target, string? actAs)
    {
        private readonly ProposalReader reader = new();
        private readonly ProposalValidation validation = new(new RuleCatalogue(RuleSettings.Default));

        /// One proposal's report and its batch line.
        public async Task<(ValidationReport? Report, BatchLine Line)> CheckAsync(BatchInput input, CancellationToken ct)
        {
            await using var source = await ProposalSource.OpenAsync(input, host, actAs, session, ct);
            var read = reader.Read(System.Text.Encoding.UTF8.GetBytes(source.Json), session.Culture);
            if (!read.Succeeded)
                return (null, BatchLine.Failed(input, ExitCodes.BadInput, ProposalSource.Refusal(read.Errors)));
            var report = validation.Validate(read.Proposal!, target);
            return (report, BatchLine.Checked(input, report, view: ValidationReportView.From(report, session.Culture)));
        }

        /// One proposal alone: every finding and a summary line (text), the report (json), or its line (jsonl).
        public async Task<int> OneAsync(BatchInput input, string format, CancellationToken ct)
        {
            if (input.Problem is { } problem)
                return session.Fail(ExitCodes.BadInput, $"{input.Name}: {problem}");
            var (report, line) = await CheckAsync(input, ct);
            if (report is null)
                return session.Fail(line.ExitCode, $"{input.Name}: {line.Message}");
            switch (format)
            {
                case CliFormats.Json:
                    await session.Out.WriteLineAsync(JsonSerializer.Serialize(line.Report, ValidationReportView.JsonOptions));
                    break;
                case CliFormats.JsonLines:
                    await session.Out.WriteLineAsync(JsonSerializer.Serialize(line, BatchWriter.LineJson));
                    break;
                default:
                    foreach (var text in report.Lines(session.Culture))
                        await session.Out.WriteLineAsync(text);
                    var readiness = string.Join(", ", report.Criteria.Select(c => $"{ProposalText.Get($"Enum.InvestmentCriterion.{c.Name}", session.Culture)} {(c.Score / 100m).ToString("P0", session.Culture)}"));
                    await session.Out.WriteLineAsync(session.Text("Cli.ValidateSummary", input.Name,
                        session.Count("Cli.Errors", line.Errors ?? 0), session.Count("Cli.OpenWarnings", line.Warnings ?? 0), readiness));
                    break;
            }
            return line.ExitCode;
        }
    }
}
