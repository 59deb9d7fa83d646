using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// A shared submission and the monitoring of its project, as the donor's reporting pages read
/// them: both through the query filters, so a project not shared with this donor is not found.
public static class SharedProject
{
    /// The submission and its project's monitoring (null when no approval is recorded yet), or
    /// null when the submission is not this donor's to read.
    public static async Task<(SubmissionRecord Submission, MonitoredProject? Project)?> LoadAsync(FinanceBuilderDbContext db, Guid submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        return submission is null ? null : (submission, await MonitoredProject.LoadAsync(db, submission.ProposalId, ct));
    }

    /// The names of the project's annex files this donor may open: those frozen with a version
    /// shared with it, and those the team cites as evidence of a value (the files' filter says so).
    public static Task<Dictionary<Guid, string>> EvidenceFilesAsync(FinanceBuilderDbContext db, SubmissionRecord submission, CancellationToken ct) =>
        db.AnnexFiles.AsNoTracking().Where(f => f.ProposalId == submission.ProposalId).ToDictionaryAsync(f => f.Id, f => f.Name, ct);

    /// The year's report of a shared project; <paramref name="files"/> names the evidence files
    /// (none for a page that only counts).
    public static AnnualReport Report(SubmissionRecord submission, MonitoredProject project, int year, IReadOnlyDictionary<Guid, string>? files = null) =>
        AnnualReport.For(project, year, KeyFigureText.Title(submission.Title), files ?? new Dictionary<Guid, string>());
}
