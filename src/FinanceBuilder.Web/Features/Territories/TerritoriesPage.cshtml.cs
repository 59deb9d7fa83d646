using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Territories;

/// The map of actions and the list of territories, for anyone: every country with published
/// actions or indicator values, shaded on the map by its number of actions, each a link to its page.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
public sealed class TerritoriesPage(FinanceBuilderDbContext db, TerritoryCounts counts) : PageModel
{
    public IReadOnlyList<CountrySummary> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Countries = await counts.CountriesAsync(db, ct);
        PublicCaching.SharePage(Response);
    }
}
