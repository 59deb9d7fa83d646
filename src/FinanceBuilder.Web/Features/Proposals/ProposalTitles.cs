using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// The title a proposal's pages show in their heading and breadcrumbs, read through the tenancy
/// filter: null when the reader may not see it (the page answers 404), "Untitled" when it has none.
public static class ProposalTitles
{
    public static async Task<string?> FindAsync(FinanceBuilderDbContext db, Guid id, CultureInfo culture, CancellationToken ct)
    {
        var found = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title }).FirstOrDefaultAsync(ct);
        return found is null ? null : found.Title is { Length: > 0 } title ? title : ProposalText.Get("Ui.Untitled", culture);
    }
}
