using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Review;

/// A shared project's monitoring as its donor or accredited entity reads it: the approval, the
/// rounds with their state and checks. Only what the query filters let this donor see: a project
/// not shared with it is 404.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReportingPage(FinanceBuilderDbContext db, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public SubmissionRecord Submission { get; private set; } = null!;
    public MonitoredProject? Project { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await SharedProject.LoadAsync(db, id, ct) is not { } found)
            return NotFound();
        (Submission, Project) = found;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public AnnualReport ReportOf(int year) => SharedProject.Report(Submission, Project!, year);
}
