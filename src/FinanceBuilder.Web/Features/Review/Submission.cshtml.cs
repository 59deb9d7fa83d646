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
    public IReadOnlyList<VersionLink> OtherVersions { get; private set; } = [];
    public VersionLink? Previous { get; private set; }
    public IReadOnlyList<FindingLine> Findings { get; private set; } = [];
    public bool ReportUnavailable { get; private set; }
    public ReviewRecord? Review { get; private set; }
    public bool CanScore => access.CanScore;
    public IReadOnlyList<SheetError> Errors { get; private set; } = [];

    /// A problem of the sheet, and the field it links to when there is one.
    public sealed record SheetError(string Message, string? Anchor);
    public string? Conflict { get; private set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    [BindProperty] public Sheet Form { get; set; } = new();

    /// The scoring sheet as the form posts it. Scores arrive as text so that "0", "6" or "x" get
    /// the sheet's own message rather than a binder's.
    public sealed class Sheet
    {
        public List<Row> Scores { get; set; } = [];
        public ReviewRecommendation? Recommendation { get; set; }
        public string? Summary { get; set; }
        /// The stored review's version the reviewer started from; null for a new sheet.
        public int? Version { get; set; }

        public static Sheet From(ReviewRecord? review)
        {
            var scores = ReviewScores.Read(review?.Scores ?? "[]");
            return new Sheet
            {
                Scores = scores.Select(s => new Row { Score = s.Score?.ToString(CultureInfo.InvariantCulture), Comment = s.Comment }).ToList(),
                Recommendation = review?.Recommendation,
                Summary = review?.Summary,
                Version = review?.Version,
            };
        }

        /// The six rows in the funder's order, whatever was posted.
        public IReadOnlyList<CriterionScore> ToScores() =>
            Enum.GetValues<InvestmentCriterion>().Select((c, i) =>
            {
                var row = i < Scores.Count ? Scores[i] : new Row();
                return new CriterionScore(c, int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null, string.IsNullOrWhiteSpace(row.Comment) ? null : row.Comment.Trim());
            }).ToList();
    }

    public sealed class Row
    {
        public string? Score { get; set; }
        public string? Comment { get; set; }
    }

    public const int MaxSummaryLength = 8000;

    /// Saving checks the form; releasing also needs every score and a recommendation.
    public sealed class Validator : AbstractValidator<Sheet>
    {
        public Validator(bool release)
        {
            var criteria = Enum.GetValues<InvestmentCriterion>();
            RuleFor(s => s.Scores.Count).LessThanOrEqualTo(criteria.Length).WithMessage(_ => ReviewText.Texts["Error.Rows"]);
            RuleForEach(s => s.Scores).Custom((row, context) =>
            {
                var index = context.PropertyPath.Length > 0 ? ParseIndex(context.PropertyPath) : 0;
                var name = index < criteria.Length ? FinanceBuilder.Web.Proposals.Text.ProposalText.Enum(criteria[index]) : "";
                if (!string.IsNullOrWhiteSpace(row.Score)
                    && !(int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= ReviewScores.MinScore and <= ReviewScores.MaxScore))
                    context.AddFailure("Score", ReviewText.Texts["Error.Score", name, ReviewScores.MinScore, ReviewScores.MaxScore]);
                if (row.Comment?.Length > ReviewScores.MaxCommentLength)
                    context.AddFailure("Comment", ReviewText.Texts["Error.Comment", name, ReviewScores.MaxCommentLength]);
                else if (Localization.TypedText.Problem(row.Comment, multiLine: true, name) is { } refused)
                    context.AddFailure("Comment", refused);
            });
            RuleFor(s => s.Summary).MaximumLength(MaxSummaryLength)
                .WithMessage(_ => ReviewText.Texts["Error.Summary", MaxSummaryLength]);
            RuleFor(s => s.Summary).Must(t => Localization.TypedText.IndexOfRefused(t, multiLine: true) < 0)
                .WithMessage(s => Localization.TypedText.Problem(s.Summary, multiLine: true, ReviewText.Texts["Sheet.Summary"])!);
            RuleFor(s => s.Recommendation).IsInEnum().WithMessage(_ => ReviewText.Texts["Error.Recommendation"]);
            if (release)
            {
                // One line saying what releasing needs, then one linked line per missing answer,
                // so the reviewer lands on each gap instead of searching a long sheet.
                RuleFor(s => s).Custom((s, context) =>
                {
                    var scores = s.ToScores();
                    if (scores.All(c => c.Score is not null) && s.Recommendation is not null)
                        return;
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("", ReviewText.Texts["Error.ReleaseIncomplete"]));
                    for (var i = 0; i < scores.Count; i++)
                    {
                        if (scores[i].Score is null)
                            context.AddFailure(new FluentValidation.Results.ValidationFailure($"score-{i}-1", ReviewText.Texts["Error.ScoreMissing", FinanceBuilder.Web.Proposals.Text.ProposalText.Enum(scores[i].Criterion)]));
                    }
                    if (s.Recommendation is null)
                        context.AddFailure(new FluentValidation.Results.ValidationFailure("rec-" + ReviewRecommendation.Endorse, ReviewText.Texts["Error.RecommendationMissing"]));
                });
            }
        }

        private static int ParseIndex(string path)
        {
            var open = path.LastIndexOf('[');
            var close = path.LastIndexOf(']');
            return open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Form = Sheet.From(Review);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) => SaveAsync(id, release: false, ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) => SaveAsync(id, release: true, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Review is null || Review.ReleasedAt is null)
            return Redirect($"/review/{id}");
        if (Review.Version != Form.Version)
            return await ConflictPageAsync(Sheet.From(Review), ct);
        Review.ReleasedAt = null;
        Review.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Review.Version++;
        if (!await TrySaveAsync(ct))
            return await ConflictPageAsync(Sheet.From(Review), ct);
        return Redirect($"/review/{id}?done=withdrawn#scoring");
    }

    private async Task<IActionResult> SaveAsync(Guid id, bool release, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var typed = Form;
        // A released sheet stays complete: the applicant never sees a half-emptied one.
        var result = new Validator(release || Review?.ReleasedAt is not null).Validate(typed);
        if (!result.IsValid)
        {
            Errors = result.Errors.Select(e => new SheetError(e.ErrorMessage, e.PropertyName.StartsWith("score-", StringComparison.Ordinal) || e.PropertyName.StartsWith("rec-", StringComparison.Ordinal) ? e.PropertyName : null))
                .DistinctBy(e => e.Message).ToList();
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
        Review.Summary = string.IsNullOrWhiteSpace(typed.Summary) ? null : typed.Summary.Trim();
        Review.UpdatedAt = now;
        Review.Version++;
        if (release)
            Review.ReleasedAt ??= now;
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
    private async Task<IActionResult> ConflictPageAsync(Sheet typed, CancellationToken ct)
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
