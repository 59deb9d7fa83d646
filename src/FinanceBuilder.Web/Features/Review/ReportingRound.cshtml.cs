using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Review;

/// One reporting round as the donor reads it: the report's checks, indicator values against
/// targets, finances, plans and risks, read-only, and the comments, which the donor's editors
/// may add to (Scorer) and the reporting team reads on its own round page.
[Authorize(Policy = Policies.Reviewer)]
[PostsNeedPolicy(Policies.Scorer)]
public sealed class ReportingRoundPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public SubmissionRecord Submission { get; private set; } = null!;
    public AnnualReport Report { get; private set; } = null!;
    public IReadOnlyList<MonitoringComment> Comments { get; private set; } = [];
    public bool CanComment => access.CanScore;
    public string? CommentError { get; private set; }
    public string? CommentTyped { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int year, CancellationToken ct) =>
        await LoadAsync(id, year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid id, int year, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        if (RoundComments.Problem(text, Culture) is { } problem)
        {
            CommentError = problem;
            CommentTyped = text;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await RoundComments.PostAsync(db, access, Report.Round, text!, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/review/{id}/reporting/{year.ToString(CultureInfo.InvariantCulture)}#comments");
    }

    private async Task<bool> LoadAsync(Guid id, int year, CancellationToken ct)
    {
        if (await SharedProject.LoadAsync(db, id, ct) is not { Project: { } project } found || project.Round(year) is not { } round)
            return false;
        Submission = found.Submission;
        Report = SharedProject.Report(found.Submission, project, year, await SharedProject.EvidenceFilesAsync(db, found.Submission, ct));
        Comments = await RoundComments.ReadAsync(db, round.Id, ct);
        return true;
    }
}
