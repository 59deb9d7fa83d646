using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// One shared submission as a donor reviews it: who submitted which version when, the key
/// figures, the package and its files, the validation report of the frozen snapshot, the other
/// versions, and the organisation's scoring sheet. Every member of the donor reads the sheet;
/// only its editors and administrators (Policies.Scorer) save, release or withdraw it.
[Authorize(Policy = Policies.Reviewer)]
[PostsNeedPolicy(Policies.Scorer)]
public sealed class SubmissionPage(
    FinanceBuilderDbContext db, AccessScope access, ProposalReader reader, ProposalValidation validation,
    TimeProvider clock) : PageModel
{
    public sealed record VersionLink(Guid Id, int Number, DateTime SubmittedAt);

    public sealed record FindingLine(string RuleId, Rules.Severity Severity, string Message);

    public SubmissionRecord Submission { get; private set; } = null!;
    public string Applicant { get; private set; } = "";
    public string? PackageName { get; private set; }
    public IReadOnlyList<SharedSubmissions.PackageFile> Files { get; private set; } = [];

    /// A file frozen with the version, with what its upload check found (a PDF with JavaScript).
    public sealed record AnnexFileLine(string Annex, string Id, string Name, IReadOnlyList<FinanceBuilder.Web.Proposals.Attachments.FileCaution> Cautions);

    /// The files attached to the version: the reviewer is warned before opening a risky one.
    public IReadOnlyList<AnnexFileLine> AnnexFiles { get; private set; } = [];
    public IReadOnlyList<VersionLink> OtherVersions { get; private set; } = [];
    public VersionLink? Previous { get; private set; }
    public IReadOnlyList<FindingLine> Findings { get; private set; } = [];
    public bool ReportUnavailable { get; private set; }
    public ReviewRecord? Review { get; private set; }
    /// Every reviewer's sheet on this submission in the reader's organisation.
    public IReadOnlyList<ReviewerSheet> Sheets { get; private set; } = [];
    public ReviewerSheet? MySheet => Sheets.FirstOrDefault(s => s.ReviewerUserId == access.UserId);
    /// A reviewer who declared a conflict takes no part: no consensus, no decision.
    public bool Excluded => MySheet?.Excluded == true;
    /// The consensus shows once the reader's own sheet is handed in (or they have none), so that
    /// nobody scores after reading the colleagues' scores.
    public bool ShowConsensus => !Excluded && (MySheet is null || MySheet.SubmittedAt is not null);
    public Workflow.Consensus Consensus { get; private set; } = null!;
    public ReviewStatus Status { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public ReviewCase? Case { get; private set; }
    public ReviewCall? Call { get; private set; }
    public Workflow.ReviewTeam Team { get; private set; } = null!;
    public Rubric.Rubric Rubric { get; private set; } = FinanceBuilder.Web.Features.Review.Rubric.Rubric.Default;
    public bool CanScore => access.CanScore && !Excluded;
    public bool IsScorer => access.CanScore;
    public IReadOnlyList<ScoringForm.Error> Errors { get; private set; } = [];
    public string? Conflict { get; private set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    [BindProperty] public ScoringForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Form = ScoringForm.From(Review);
        if (Review is null)
        {
            // A first decision starts from the consensus, rounded: a proposal the reviewer
            // changes, never a decision saved without a person choosing it.
            Form.Scores = Consensus.Criteria.Select(c => new ScoringForm.Row { Score = c.Rounded?.ToString(CultureInfo.InvariantCulture) }).ToList();
        }
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) => SaveAsync(id, release: false, ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) => SaveAsync(id, release: true, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Excluded)
            return Forbid();
        if (Review is null || Review.ReleasedAt is null)
            return Redirect($"/review/{id}");
        if (Review.Version != Form.Version)
            return await ConflictPageAsync(ScoringForm.From(Review), ct);
        Review.ReleasedAt = null;
        Review.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Review.Version++;
        if (!await TrySaveAsync(ct))
            return await ConflictPageAsync(ScoringForm.From(Review), ct);
        return Redirect($"/review/{id}?done=withdrawn#scoring");
    }

    private async Task<IActionResult> SaveAsync(Guid id, bool release, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Excluded)
            return Forbid();
        var typed = Form;
        // A released sheet stays complete: the applicant never sees a half-emptied one.
        var result = new ScoringForm.Validator(release || Review?.ReleasedAt is not null).Validate(typed);
        if (!result.IsValid)
        {
            Errors = ScoringForm.Errors(result);
            Form = typed;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (Review?.Version != typed.Version)
            return await ConflictPageAsync(typed, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        if (Review is null)
        {
            Review = new ReviewRecord
            {
                Id = Guid.NewGuid(),
                SubmissionId = Submission.Id,
                DonorOrganisationId = access.OrganisationId,
                OrganisationId = Submission.OrganisationId,
                Version = 0,
            };
            db.Reviews.Add(Review);
        }
        Review.ReviewerUserId = access.UserId!.Value;
        Review.ReviewerName = access.UserName;
        Review.Scores = ReviewScores.Write(typed.ToScores());
        Review.Recommendation = typed.Recommendation;
        Review.Summary = typed.TrimmedSummary;
        Review.UpdatedAt = now;
        Review.Version++;
        if (release && Review.ReleasedAt is null)
        {
            Review.ReleasedAt = now;
            // The applicant's members are told, with their version's page (Submissions'
            // SubmissionUrls.Version; that feature reads this one, so the address is written here).
            await Notifications.Notifier.AddAsync(db, await Notifications.Notifier.MembersAsync(db, Submission.OrganisationId, ct), Data.Notifications.NotificationKind.Released,
                Submission.Title ?? "", access.OrganisationName, $"/proposals/{Submission.ProposalId}/versions/{Submission.Number}", now, ct);
        }
        if (!await TrySaveAsync(ct))
            return await ConflictPageAsync(typed, ct);
        return Redirect($"/review/{id}?done={(release ? "released" : "saved")}#scoring");
    }

    /// Saves with the version the reviewer read (the concurrency token): a sheet saved by a
    /// colleague in between, or created by one at the same moment, is a conflict, not a silent
    /// overwrite.
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// Keeps what the reviewer typed and says who saved in between; the form now carries the
    /// stored version, so saving again replaces it knowingly.
    private async Task<IActionResult> ConflictPageAsync(ScoringForm typed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionId == Submission.Id, ct);
        Review = current;
        typed.Version = current?.Version;
        Form = typed;
        Conflict = current is null
            ? ReviewText.Texts["Conflict.Removed"]
            : ReviewText.Texts["Conflict.Saved", current.ReviewerName, Localization.DateText.Time(current.UpdatedAt, CultureInfo.CurrentUICulture)];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await SharedSubmissions.FindAsync(db, id, ct) is not { } header)
            return false;
        Submission = header.Submission;
        Applicant = header.Applicant;
        Review = await db.Reviews.FirstOrDefaultAsync(r => r.SubmissionId == id, ct);
        Sheets = await db.ReviewerSheets.AsNoTracking().Where(s => s.SubmissionId == id).OrderBy(s => s.AssignedAt).ToListAsync(ct);
        Consensus = Workflow.Consensus.Of(Sheets);
        var progress = await Workflow.ReviewProgress.Track(db, db.Submissions.AsNoTracking().Where(s => s.Id == id), access.UserId)
            .Select(t => new { t.Status, t.Deadline }).FirstAsync(ct);
        (Status, Deadline) = (progress.Status, progress.Deadline);
        Case = await db.ReviewCases.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == id, ct);
        if (Case?.CallId is { } callId)
            Call = await db.ReviewCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        Rubric = FinanceBuilder.Web.Features.Review.Rubric.Rubric.Read(Call?.Rubric);
        Team = await Workflow.ReviewTeam.LoadAsync(db, access, id, Sheets, Case, Deadline, ct);

        var versions = await db.Submissions.AsNoTracking()
            .Where(s => s.ProposalId == Submission.ProposalId && s.Id != id)
            .OrderBy(s => s.Number)
            .Select(s => new VersionLink(s.Id, s.Number, s.SubmittedAt))
            .ToListAsync(ct);
        OtherVersions = versions;
        Previous = versions.Where(v => v.Number < Submission.Number).MaxBy(v => v.Number);

        if (await SharedSubmissions.PackageAsync(db, id, ct) is { } package)
        {
            PackageName = package.FileName;
            Files = SharedSubmissions.Files(package.Content);
        }

        // The report of the frozen snapshot, re-run so its messages are in the reader's language.
        var culture = CultureInfo.CurrentUICulture;
        var read = reader.Read(Encoding.UTF8.GetBytes(Submission.Document), culture);
        if (read.Succeeded)
        {
            AnnexFiles = [.. read.Proposal!.Annexes.SelectMany(a => a.Files.Select(f => new AnnexFileLine(a.Number, f.Id, f.Name ?? f.Id, f.Cautions)))];
            var report = validation.Validate(read.Proposal!);
            Findings = report.Findings
                .OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .Select(f => new FindingLine(f.RuleId, f.Severity, RuleMessages.Render(f, culture)))
                .ToList();
        }
        else
        {
            ReportUnavailable = true;
        }
        return true;
    }
}
