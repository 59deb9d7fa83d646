using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// A country with how many published actions and indicator values it has.
public sealed record CountrySummary(string Code, int Actions, int Values);

/// Every country with published actions or indicator values, and how many of each: counted at
/// most once a minute per app (two scans of indexes; the map, the list of territories and the
/// search's country filter show it on every view), and again at once after the app's own
/// publications of actions (PublishAction) and of indicator datasets. Here rather than beside
/// the territory pages: the catalogue reads it too, and the territory pages already build on the
/// catalogue (its caching and open-data endpoints).
public sealed class TerritoryCounts
{
    private sealed record Cached(DateTime At, IReadOnlyList<CountrySummary> Countries);

    private volatile Cached? cached;

    public async Task<IReadOnlyList<CountrySummary>> CountriesAsync(FinanceBuilderDbContext db, CancellationToken ct)
    {
        if (cached is { } known && DateTime.UtcNow - known.At < TimeSpan.FromMinutes(1))
            return known.Countries;
        var actions = await db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && p.CountryCode != null)
            .GroupBy(p => p.CountryCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, ct);
        var values = await db.TerritoryIndicatorValues.AsNoTracking()
            .GroupBy(v => v.CountryCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, ct);
        var list = actions.Keys.Union(values.Keys, StringComparer.Ordinal)
            .Select(code => new CountrySummary(code, actions.GetValueOrDefault(code), values.GetValueOrDefault(code)))
            .ToList();
        cached = new Cached(DateTime.UtcNow, list);
        return list;
    }

    /// Forgets the counts: a publisher sees its own change at once.
    public void Forget() => cached = null;
}
