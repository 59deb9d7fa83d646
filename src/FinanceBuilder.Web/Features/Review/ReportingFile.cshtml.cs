using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Review;

/// A shared project's annual performance report, generated for its donor or accredited entity.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReportingFilePage(FinanceBuilderDbContext db, AnnualReportPackage packages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int year, string? file, string? lang, CancellationToken ct)
    {
        if (await SharedProject.LoadAsync(db, id, ct) is not { Project: { } project } found || project.Round(year) is null)
            return NotFound();
        var files = await SharedProject.EvidenceFilesAsync(db, found.Submission, ct);
        return AnnualReportDownload.File(packages, SharedProject.Report(found.Submission, project, year, files), file, lang);
    }
}
