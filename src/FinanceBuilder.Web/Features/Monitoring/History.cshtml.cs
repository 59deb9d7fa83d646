using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Every value ever entered for one indicator, year by year: the first entry, each correction
/// with its reason, who entered it and when. Nothing here is ever removed.
public sealed class HistoryPage(FinanceBuilderDbContext db) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public MonitoredProject Project { get; private set; } = null!;
    public MonitoredIndicator Indicator { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> FileNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid indicator, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, System.Globalization.CultureInfo.CurrentUICulture, ct);
        if (title is null)
            return NotFound();
        var project = await MonitoredProject.LoadAsync(db, id, ct);
        if (project?.Indicators.FirstOrDefault(i => i.Id == indicator) is not { } found)
            return NotFound();
        Id = id;
        ProposalTitle = title;
        Project = project;
        Indicator = found;
        var files = project.Values.Chains(found.Id).SelectMany(c => c.Chain).Select(v => v.EvidenceFileId).OfType<Guid>().Distinct().ToList();
        FileNames = await db.AnnexFiles.AsNoTracking().Where(f => files.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return Page();
    }
}
