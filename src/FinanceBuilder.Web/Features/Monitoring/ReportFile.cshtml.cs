using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// A year's annual performance report, generated on request for the team that reports.
public sealed class ReportFilePage(FinanceBuilderDbContext db, AnnualReportPackage packages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int year, string? file, string? lang, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, System.Globalization.CultureInfo.CurrentUICulture, ct);
        if (title is null)
            return NotFound();
        var project = await MonitoredProject.LoadAsync(db, id, ct);
        if (project?.Round(year) is null)
            return NotFound();
        var evidence = await db.AnnexFiles.AsNoTracking().Where(f => f.ProposalId == id).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var report = AnnualReport.For(project, year, title, evidence);
        return AnnualReportDownload.File(packages, report, file, lang);
    }
}
