using System.ComponentModel;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Features.Validation;

namespace FinanceBuilder.Web.Cli.Batch;

/// What a batch command says about one proposal: a line of text, or one JSON object of
/// `--format jsonl` (docs/cli-batch.schema.json).
[Description("The result of one proposal of a batch (validate or package).")]
public sealed record BatchLine(
    [property: Description("Always \"file\": a line about one proposal.")] string Kind,
    [property: Description("The proposal as given: a file's path or a stored proposal's id.")] string Input,
    [property: Description("ok: no error-level finding; errors: error-level findings (package: a draft was written); bad-input: the input could not be used; unreachable: the database could not be reached.")] BatchStatus Status,
    [property: Description("The exit status this proposal alone would give: 0, 1, 3 or 4.")] int ExitCode,
    [property: Description("Error-level findings.")] int? Errors = null,
    [property: Description("Warnings not acknowledged.")] int? Warnings = null,
    [property: Description("Why the input could not be used (bad-input, unreachable).")] string? Message = null,
    [property: Description("validate: the whole validation report (docs/validation-report.schema.json).")] ValidationReportView? Report = null,
    [property: Description("package: what was written.")] PackageOutput? Package = null)
{
    public const string FileKind = "file";

    /// A proposal checked: ok or errors by its report's findings; the report or the package's files attached.
    public static BatchLine Checked(BatchInput input, Rules.ValidationReport report, ValidationReportView? view = null, PackageOutput? package = null) => new(
        FileKind, input.Name, report.HasErrors ? BatchStatus.Errors : BatchStatus.Ok, report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok,
        report.ErrorCount, report.OpenWarningCount, Report: view, Package: package);

    public static BatchLine Failed(BatchInput input, int exitCode, string message) =>
        new(FileKind, input.Name, exitCode == ExitCodes.StorageUnreachable ? BatchStatus.Unreachable : BatchStatus.BadInput, exitCode, Message: message);
}

[JsonConverter(typeof(JsonStringEnumConverter<BatchStatus>))]
public enum BatchStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("errors")] Errors,
    [JsonStringEnumMemberName("bad-input")] BadInput,
    [JsonStringEnumMemberName("unreachable")] Unreachable,
}

[Description("The files a package command wrote for one proposal.")]
public sealed record PackageOutput(
    [property: Description("The folder the files were written to (absolute).")] string Folder,
    [property: Description("The package's zip (absolute path).")] string Zip,
    [property: Description("Every file written besides the zip (absolute paths).")] IReadOnlyList<string> Files,
    [property: Description("True when the documents are marked DRAFT: the proposal has error-level findings.")] bool Draft,
    [property: Description("Pages of the main document as laid out.")] int Pages,
    [property: Description("Words of the main document.")] int Words);

/// The last line of a batch: how many proposals ended how, and the exit status.
[Description("The last line of a batch.")]
public sealed record BatchSummary(
    [property: Description("Always \"summary\".")] string Kind,
    [property: Description("Proposals in the batch.")] int Files,
    [property: Description("Without error-level findings.")] int Ok,
    [property: Description("With error-level findings (package: drafts).")] int WithErrors,
    [property: Description("Inputs that could not be used.")] int BadInput,
    [property: Description("Stored proposals not reached because the database could not be reached.")] int Unreachable,
    [property: Description("Wall-clock time of the batch, in seconds.")] double Seconds,
    [property: Description("The batch's exit status: the largest of its lines'.")] int ExitCode)
{
    public const string SummaryKind = "summary";

    public static BatchSummary Of(IReadOnlyList<BatchLine> lines, TimeSpan elapsed) => new(
        SummaryKind, lines.Count,
        lines.Count(l => l.Status == BatchStatus.Ok), lines.Count(l => l.Status == BatchStatus.Errors),
        lines.Count(l => l.Status == BatchStatus.BadInput), lines.Count(l => l.Status == BatchStatus.Unreachable),
        Math.Round(elapsed.TotalSeconds, 3), lines.Count == 0 ? ExitCodes.Ok : lines.Max(l => l.ExitCode));
}

/// `--format json` with several proposals: one document with every line and the summary.
[Description("A batch as one JSON document (--format json with several proposals).")]
public sealed record BatchDocument(
    [property: Description("One result per proposal, in the order given.")] IReadOnlyList<BatchLine> Results,
    [property: Description("The summary.")] BatchSummary Summary);
