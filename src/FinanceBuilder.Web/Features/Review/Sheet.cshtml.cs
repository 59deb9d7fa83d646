using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// A reviewer's own sheet for one shared submission: first the conflict-of-interest declaration,
/// then scores, comments and a recommendation read against the call's rubric, saved as often as
/// wanted and handed in once complete. Colleagues' scores stay out of sight until then (the
/// submission page shows the consensus to those who have handed in).
[Authorize(Policy = Policies.Scorer)]
public sealed class ReviewerSheetPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock, SubmittedDocument document) : PageModel
{
    public const int MaxConflictNoteLength = 2000;

    public SubmissionRecord Submission { get; private set; } = null!;
    public string Applicant { get; private set; } = "";
    public ReviewerSheet? Mine { get; private set; }
    public Rubric.Rubric Rubric { get; private set; } = FinanceBuilder.Web.Features.Review.Rubric.Rubric.Default;
    public IReadOnlyList<ScoringForm.Error> Errors { get; private set; } = [];
    public string? Conflict { get; private set; }
    /// The version's document with the panel's comments under their sections; null when the
    /// pack cannot draw it (the download stays).
    public string? DocumentHtml { get; private set; }
    public string DocumentLanguage { get; private set; } = "en";
    public IReadOnlyList<Comments.AnnotatedDocument.Section> Sections { get; private set; } = [];
    public bool CanComment => Mine is { Conflict: ConflictDeclaration.None };
    [BindProperty] public string? CommentSection { get; set; }
    [BindProperty] public string? CommentText { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public ScoringForm Form { get; set; } = new();
    [BindProperty] public ConflictDeclaration? Declaration { get; set; }
    [BindProperty] public string? ConflictNote { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Mine is not null)
            Form = ScoringForm.From(Mine);
        return Page();
    }

    /// A comment on one section of the document, for the panel at once and for the applicant
    /// once the decision is released (then they are told).
    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!CanComment)
            return Mine?.Excluded == true ? Forbid() : Redirect($"/review/{id}/sheet");
        if (Mine is not null)
            Form = ScoringForm.From(Mine);
        await DrawAsync(ct);
        var section = Sections.FirstOrDefault(s => s.Id == CommentSection);
        var problems = new List<ScoringForm.Error>();
        if (section is null)
            problems.Add(new(ReviewText.Texts["Comments.ChooseSection"], "comment-section"));
        if (string.IsNullOrWhiteSpace(CommentText))
            problems.Add(new(ReviewText.Texts["Comments.Empty"], "comment-text"));
        else if (CommentText.Length > SectionComment.MaxTextLength)
            problems.Add(new(ReviewText.Texts["Comments.TooLong", SectionComment.MaxTextLength], "comment-text"));
        else if (Localization.TypedText.Problem(CommentText, multiLine: true, ReviewText.Texts["Comments.Text"]) is { } refused)
            problems.Add(new(refused, "comment-text"));
        if (problems.Count > 0)
        {
            Errors = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SectionComments.Add(new SectionComment
        {
            Id = Guid.NewGuid(),
            SubmissionId = id,
            DonorOrganisationId = access.OrganisationId,
            OrganisationId = Submission.OrganisationId,
            Section = section!.Heading.Length > SectionComment.MaxSectionLength ? section.Heading[..SectionComment.MaxSectionLength] : section.Heading,
            SectionId = section.Id,
            AuthorUserId = access.UserId!.Value,
            AuthorName = access.UserName,
            Text = CommentText!.Trim(),
            CreatedAt = now,
        });
        // The rest of the panel hears of it; the applicant too once the decision is out.
        var panel = await db.ReviewerSheets.AsNoTracking().Where(s => s.SubmissionId == id && s.Conflict != ConflictDeclaration.Declared).Select(s => s.ReviewerUserId).ToListAsync(ct);
        await Notifications.Notifier.AddAsync(db, panel, Data.Notifications.NotificationKind.Commented, Submission.Title ?? "", access.UserName, $"/review/{id}/sheet#{section.Id}", now, ct);
        if (await db.Reviews.AsNoTracking().AnyAsync(r => r.SubmissionId == id && r.ReleasedAt != null, ct))
            await Notifications.Notifier.AddAsync(db, await Notifications.Notifier.MembersAsync(db, Submission.OrganisationId, ct), Data.Notifications.NotificationKind.Commented,
                Submission.Title ?? "", access.OrganisationName, $"/proposals/{Submission.ProposalId}/versions/{Submission.Number}/document#{section.Id}", now, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"/review/{id}/sheet?done=commented#{section.Id}");
    }

    /// The declaration comes first and is kept: "no conflict" can later become "conflict" (the
    /// reviewer found out), never the other way, so an exclusion cannot be quietly undone.
    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var problems = new List<ScoringForm.Error>();
        if (Declaration is null || !Enum.IsDefined(Declaration.Value))
            problems.Add(new(ReviewText.Texts["Declare.Choose"], "declare-None"));
        if (ConflictNote?.Length > MaxConflictNoteLength)
            problems.Add(new(ReviewText.Texts["Declare.NoteTooLong", MaxConflictNoteLength], "conflict-note"));
        else if (Localization.TypedText.Problem(ConflictNote, multiLine: true, ReviewText.Texts["Declare.Note"]) is { } refused)
            problems.Add(new(refused, "conflict-note"));
        if (Mine?.Conflict == ConflictDeclaration.Declared || (Mine?.Conflict == ConflictDeclaration.None && Declaration == ConflictDeclaration.None))
            return Redirect($"/review/{id}/sheet");
        if (problems.Count > 0)
        {
            Errors = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var sheet = Mine ?? Start(id, now);
        sheet.Conflict = Declaration;
        sheet.ConflictNote = string.IsNullOrWhiteSpace(ConflictNote) ? null : ConflictNote.Trim();
        sheet.DeclaredAt = now;
        sheet.Version++;
        if (!await TrySaveAsync(ct))
            return Redirect($"/review/{id}/sheet");
        return Declaration == ConflictDeclaration.Declared
            ? Redirect($"/review/{id}?done=excluded")
            : Redirect($"/review/{id}/sheet?done=declared");
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) => SaveAsync(id, handIn: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => SaveAsync(id, handIn: true, ct);

    private async Task<IActionResult> SaveAsync(Guid id, bool handIn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        // No score before the declaration, none from an excluded reviewer.
        if (Mine?.Conflict != ConflictDeclaration.None)
            return Mine?.Excluded == true ? Forbid() : Redirect($"/review/{id}/sheet");
        var typed = Form;
        // A handed-in sheet stays complete: the consensus never counts a half-emptied one.
        var result = new ScoringForm.Validator(handIn || Mine.SubmittedAt is not null, "Error.HandInIncomplete").Validate(typed);
        if (!result.IsValid)
        {
            Errors = ScoringForm.Errors(result);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (Mine.Version != typed.Version)
            return ConflictPage(typed);
        var now = clock.GetUtcNow().UtcDateTime;
        Mine.Scores = ReviewScores.Write(typed.ToScores());
        Mine.Recommendation = typed.Recommendation;
        Mine.Summary = typed.TrimmedSummary;
        Mine.UpdatedAt = now;
        if (handIn)
            Mine.SubmittedAt ??= now;
        Mine.Version++;
        if (!await TrySaveAsync(ct))
            return ConflictPage(typed);
        return handIn
            ? Redirect($"/review/{id}?done=handed-in#consensus")
            : Redirect($"/review/{id}/sheet?done=saved");
    }

    /// The same sheet saved in another tab in between: what was typed stays on screen, with the
    /// stored version so that saving again replaces it knowingly.
    private PageResult ConflictPage(ScoringForm typed)
    {
        typed.Version = Mine?.Version;
        Form = typed;
        Conflict = ReviewText.Texts["Conflict.OwnSheet"];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private ReviewerSheet Start(Guid id, DateTime now)
    {
        var sheet = new ReviewerSheet
        {
            Id = Guid.NewGuid(),
            SubmissionId = id,
            DonorOrganisationId = access.OrganisationId,
            ReviewerUserId = access.UserId!.Value,
            ReviewerName = access.UserName,
            AssignedAt = now,
            AssignedByName = access.UserName,
        };
        db.ReviewerSheets.Add(sheet);
        return sheet;
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another tab or node saved first (the version) or started the same sheet (the
            // unique index): read it again.
            db.ChangeTracker.Clear();
            Mine = await db.ReviewerSheets.AsNoTracking().FirstOrDefaultAsync(s => s.SubmissionId == Submission.Id && s.ReviewerUserId == access.UserId, ct);
            return false;
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await SharedSubmissions.FindAsync(db, id, ct) is not { } header)
            return false;
        Submission = header.Submission;
        Applicant = header.Applicant;
        Mine = await db.ReviewerSheets.FirstOrDefaultAsync(s => s.SubmissionId == id && s.ReviewerUserId == access.UserId, ct);
        var rubric = await (from c in db.ReviewCases.AsNoTracking()
                            where c.SubmissionId == id
                            join k in db.ReviewCalls.AsNoTracking() on c.CallId equals k.Id
                            select k.Rubric).FirstOrDefaultAsync(ct);
        Rubric = FinanceBuilder.Web.Features.Review.Rubric.Rubric.Read(rubric);
        loaded = true;
        return true;
    }

    private bool loaded;
    private bool drawn;

    /// The document is drawn (one parse, one rule run) only for a page that shows it or a comment
    /// that needs its sections, never for a save that redirects.
    private async Task DrawAsync(CancellationToken ct)
    {
        if (drawn || Mine?.Excluded == true)
            return;
        drawn = true;
        if (await document.DrawAsync(Submission, ct) is not { } version)
            return;
        Sections = Comments.AnnotatedDocument.Sections(version.Html);
        var comments = await db.SectionComments.AsNoTracking().Where(c => c.SubmissionId == Submission.Id).ToListAsync(ct);
        DocumentHtml = Comments.AnnotatedDocument.Annotate(version.Html, comments, System.Globalization.CultureInfo.CurrentUICulture);
        DocumentLanguage = version.Language;
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && loaded)
            await DrawAsync(HttpContext.RequestAborted);
    }
}
