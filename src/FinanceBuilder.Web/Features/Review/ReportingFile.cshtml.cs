using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// A shared project's annual performance report, generated for its donor or accredited entity.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReportingFilePage(FinanceBuilderDbContext db, AnnualReportPackage packages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int year, string? file, string? lang, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null)
            return NotFound();
        var project = await MonitoredProject.LoadAsync(db, submission.ProposalId, ct);
        if (project?.Round(year) is null)
            return NotFound();
        return AnnualReportDownload.File(packages, AnnualReport.For(project, year, KeyFigureText.Title(submission.Title), new Dictionary<Guid, string>()), file, lang);
    }
}
