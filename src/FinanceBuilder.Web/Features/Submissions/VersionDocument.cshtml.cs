using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Review;
using FinanceBuilder.Web.Features.Review.Comments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// A submitted version's document as the applicant reads the donors' comments: each under the
/// section it is about, once that donor's decision is released (the query filter decides), with
/// the applicant's answers; the organisation's editors answer here.
[Authorize(Policy = Policies.Applicant)]
[PostsNeedPolicy(Policies.ApplicantEditor)]
public sealed class VersionDocumentPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock, SubmittedDocument document) : PageModel
{
    public Guid Id { get; private set; }
    public SubmissionRecord Submission { get; private set; } = null!;
    public string? Html { get; private set; }
    public string Language { get; private set; } = "en";
    public IReadOnlyList<SectionComment> Comments { get; private set; } = [];
    public IReadOnlyList<AnnotatedDocument.Section> Sections { get; private set; } = [];
    public bool CanAnswer => access.CanEditProposals;
    public string? Problem { get; private set; }
    [BindProperty] public Guid? CommentId { get; set; }
    [BindProperty] public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        if (!await LoadAsync(id, n, ct))
            return NotFound();
        await DrawAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, int n, CancellationToken ct)
    {
        if (!await LoadAsync(id, n, ct))
            return NotFound();
        // Only a reviewer's comment this reader can see (released) is answered.
        if (Comments.FirstOrDefault(c => c.Id == CommentId && c.AnswersId is null) is not { } answered)
            return NotFound();
        if (string.IsNullOrWhiteSpace(Answer))
            Problem = ReviewText.Texts["Comments.Empty"];
        else if (Answer.Length > SectionComment.MaxTextLength)
            Problem = ReviewText.Texts["Comments.TooLong", SectionComment.MaxTextLength];
        else
            Problem = Localization.TypedText.Problem(Answer, multiLine: true, SubmissionText.Texts["Document.Answer"]);
        if (Problem is not null)
        {
            await DrawAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SectionComments.Add(new SectionComment
        {
            Id = Guid.NewGuid(),
            SubmissionId = Submission.Id,
            DonorOrganisationId = answered.DonorOrganisationId,
            OrganisationId = Submission.OrganisationId,
            Section = answered.Section,
            SectionId = answered.SectionId,
            AnswersId = answered.Id,
            AuthorUserId = access.UserId!.Value,
            AuthorName = access.UserName,
            ByApplicant = true,
            Text = Answer!.Trim(),
            CreatedAt = now,
        });
        await Notifications.Notifier.AddAsync(db, [answered.AuthorUserId], Data.Notifications.NotificationKind.Answered,
            Submission.Title ?? "", access.OrganisationName, $"/review/{Submission.Id}/sheet#c-{answered.Id:N}", now, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{SubmissionUrls.Version(id, n)}/document#c-{answered.Id:N}");
    }

    private async Task<bool> LoadAsync(Guid id, int n, CancellationToken ct)
    {
        if (await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ProposalId == id && s.Number == n, ct) is not { } submission)
            return false;
        Id = id;
        Submission = submission;
        Comments = await db.SectionComments.AsNoTracking().Where(c => c.SubmissionId == submission.Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return true;
    }

    /// Only for a page that shows the document: an answer that redirects does not draw it.
    private async Task DrawAsync(CancellationToken ct)
    {
        if (await document.DrawAsync(Submission, ct) is { } drawn)
        {
            Sections = AnnotatedDocument.Sections(drawn.Html);
            Html = AnnotatedDocument.Annotate(drawn.Html, Comments, CultureInfo.CurrentUICulture);
            Language = drawn.Language;
        }
    }
}
