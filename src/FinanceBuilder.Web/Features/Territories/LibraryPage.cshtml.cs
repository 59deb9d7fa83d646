using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// The shared library of territorial indicators, for anyone: each definition (unit, method,
/// usual source), the datasets organisations published, and the files to download.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
public sealed class LibraryPage(FinanceBuilderDbContext db) : PageModel
{
    public const int MaxDatasets = 200;

    public sealed record DatasetRow(Guid Id, string Name, string Publisher, int Rows, DateTime UpdatedAt);

    public IReadOnlyList<DatasetRow> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Datasets = await db.IndicatorDatasets.AsNoTracking().Where(d => d.WithdrawnAt == null)
            .OrderByDescending(d => d.UpdatedAt).Take(MaxDatasets)
            .Select(d => new DatasetRow(d.Id, d.Name, d.PublisherName, d.RowCount, d.UpdatedAt)).ToListAsync(ct);
        PublicCaching.SharePage(Response);
    }
}
