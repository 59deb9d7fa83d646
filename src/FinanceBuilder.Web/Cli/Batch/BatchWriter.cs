using System.Text.Json;
using FinanceBuilder.Web.Features.Validation;

namespace FinanceBuilder.Web.Cli.Batch;

/// Writes a batch's lines on standard output: text (one tab-separated line per proposal, then a
/// summary line), jsonl (one JSON object per line, the summary last) or json (one document at
/// the end). The shapes are in docs/cli-batch.schema.json.
public sealed class BatchWriter(CliSession session, string format, Func<BatchLine, string> detail)
{
    /// Compact JSON, one object per line; enums and names as the validation report writes them.
    public static readonly JsonSerializerOptions LineJson = new(ValidationReportView.JsonOptions) { WriteIndented = false };

    public async Task LineAsync(BatchLine line)
    {
        switch (format)
        {
            case CliFormats.JsonLines:
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(line, LineJson));
                break;
            case CliFormats.Text:
                var what = line.Message ?? detail(line);
                await session.Out.WriteLineAsync($"{session.Text("Cli.Status." + line.Status)}\t{line.Input}\t{what.ReplaceLineEndings(" ")}");
                break;
        }
        await session.Out.FlushAsync();
    }

    public async Task SummaryAsync(IReadOnlyList<BatchLine> lines, BatchSummary summary)
    {
        switch (format)
        {
            case CliFormats.JsonLines:
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(summary, LineJson));
                break;
            case CliFormats.Json:
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(new BatchDocument(lines, summary), ValidationReportView.JsonOptions));
                break;
            default:
                var unreachable = summary.Unreachable > 0 ? session.Text("Cli.SummaryUnreachable", summary.Unreachable) : "";
                await session.Out.WriteLineAsync(session.Text("Cli.Summary", session.Count("Cli.Proposals", summary.Files), summary.Ok, summary.WithErrors, session.Count("Cli.BadInputs", summary.BadInput),
                    summary.Seconds.ToString("0.0", session.Culture), unreachable));
                break;
        }
    }
}
