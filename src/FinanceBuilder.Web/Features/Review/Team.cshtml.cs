using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// Assigning a submission's reviewers, its call and its deadline: the donor's editors and
/// administrators do it from the submission page, whose forms post here; this page shows the
/// same forms again when something typed needs correcting.
[Authorize(Policy = Policies.Scorer)]
public sealed class ReviewTeamPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public SubmissionRecord Submission { get; private set; } = null!;
    public Workflow.ReviewTeam Team { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public Guid? ReviewerId { get; set; }
    [BindProperty] public Guid? SheetId { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public Guid? CallId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        // Only a listed member: an id from elsewhere (another organisation, a reader, someone
        // already on it) is refused like an empty choice.
        if (Team.Assignable.FirstOrDefault(m => m.Id == ReviewerId) is not { } member)
            return Invalid(ReviewText.Texts["Team.ChooseMember"]);
        var now = clock.GetUtcNow().UtcDateTime;
        db.ReviewerSheets.Add(new ReviewerSheet
        {
            Id = Guid.NewGuid(),
            SubmissionId = id,
            DonorOrganisationId = access.OrganisationId,
            ReviewerUserId = member.Id,
            ReviewerName = member.Name,
            AssignedAt = now,
            AssignedByName = access.UserName,
        });
        await Notifications.Notifier.AddAsync(db, [member.Id], Data.Notifications.NotificationKind.Assigned, Submission.Title ?? "", access.UserName, $"/review/{id}/sheet", now, ct);
        return await SaveAsync(id, ct);
    }

    /// A reviewer who has not scored yet can be taken off; once a sheet holds scores or a
    /// declaration it stays, for the record.
    public async Task<IActionResult> OnPostUnassignAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var sheet = await db.ReviewerSheets.FirstOrDefaultAsync(s => s.Id == SheetId && s.SubmissionId == id, ct);
        if (sheet is null)
            return Redirect($"/review/{id}#reviewers");
        if (sheet.Conflict is not null)
            return Invalid(ReviewText.Texts["Team.CannotRemove", sheet.ReviewerName]);
        db.ReviewerSheets.Remove(sheet);
        return await SaveAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Calls.CallFields.Deadline(Deadline, out var deadline) is { } problem)
            return Invalid(problem);
        if (CallId is { } callId && Team.Calls.All(c => c.Id != callId))
            return Invalid(ReviewText.Texts["Team.BadCall"]);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.ReviewCases.FirstOrDefaultAsync(c => c.SubmissionId == id, ct);
        if (item is null)
        {
            item = new ReviewCase { SubmissionId = id, DonorOrganisationId = access.OrganisationId };
            db.ReviewCases.Add(item);
        }
        item.Deadline = deadline;
        item.CallId = CallId;
        item.UpdatedAt = now;
        item.Version++;
        return await SaveAsync(id, ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A colleague changed the same thing at the same moment: show what is stored now.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Invalid(ReviewText.Texts["Team.Changed"]);
        }
        return Redirect($"/review/{id}?done=team#reviewers");
    }

    private PageResult Invalid(string message)
    {
        Errors = [message];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await SharedSubmissions.FindAsync(db, id, ct) is not { } header)
            return false;
        Submission = header.Submission;
        var sheets = await db.ReviewerSheets.AsNoTracking().Where(s => s.SubmissionId == id).OrderBy(s => s.AssignedAt).ToListAsync(ct);
        var reviewCase = await db.ReviewCases.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == id, ct);
        var deadline = await Workflow.ReviewProgress.Track(db, db.Submissions.AsNoTracking().Where(s => s.Id == id), access.UserId).Select(t => t.Deadline).FirstAsync(ct);
        Team = await Workflow.ReviewTeam.LoadAsync(db, access, id, sheets, reviewCase, deadline, ct);
        return true;
    }
}
