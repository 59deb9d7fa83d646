using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// The title a proposal's pages show in their heading and breadcrumbs, read through the tenancy
/// filter: null when the reader may not see it (the page answers 404), "Untitled" when it has none.
public static class ProposalTitles
{
    /// The title and the organisation the proposal belongs to (which records made on its pages
    /// belong to as well), in one read.
    public sealed record Heading(string Title, Guid OwnerOrganisationId);

    public static async Task<string?> FindAsync(FinanceBuilderDbContext db, Guid id, CultureInfo culture, CancellationToken ct) =>
        (await HeadingAsync(db, id, culture, ct))?.Title;

    public static async Task<Heading?> HeadingAsync(FinanceBuilderDbContext db, Guid id, CultureInfo culture, CancellationToken ct)
    {
        var found = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.OwnerOrganisationId }).FirstOrDefaultAsync(ct);
        return found is null ? null : new Heading(found.Title is { Length: > 0 } title ? title : ProposalText.Get("Ui.Untitled", culture), found.OwnerOrganisationId);
    }
}
