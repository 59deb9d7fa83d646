using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Collaboration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Collaboration;

/// Who changed what and when on one proposal, newest first. Read-only, so readers see it too;
/// a proposal this person may not see (another organisation's, or a donor) is 404, and so are
/// its events, by the same query filter.
public sealed class ActivityPage(FinanceBuilderDbContext db) : PageModel
{
    public const int PageSize = 50;

    public Guid Id { get; private set; }
    public string? Title { get; private set; }
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    // "?p=": Razor Pages keeps the route value "page" for itself.
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "p")] int? number, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title }).FirstOrDefaultAsync(ct);
        if (proposal is null)
            return NotFound();
        Id = id;
        Title = proposal.Title;
        Total = await db.AuditEvents.CountAsync(a => a.ProposalId == id, ct);
        PageNumber = Math.Clamp(number ?? 1, 1, Pages);
        Events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.ProposalId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        return Page();
    }
}
