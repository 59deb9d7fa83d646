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

    /// The administrative areas of a country's published actions, as their publishers wrote them,
    /// with how many actions each: the search page's choice of region once a country is chosen.
    /// Counted at most once a minute per country, like the countries.
    public async Task<IReadOnlyList<(string Name, int Actions)>> RegionsAsync(FinanceBuilderDbContext db, string country, CancellationToken ct)
    {
        if (regions.TryGetValue(country, out var known) && DateTime.UtcNow - known.At < TimeSpan.FromMinutes(1))
            return known.Regions;
        var list = (await db.PublishedActions.AsNoTracking()
                .Where(p => p.WithdrawnAt == null && p.CountryCode == country && p.AdministrativeArea != null && p.AdministrativeArea != "")
                .GroupBy(p => p.AdministrativeArea!).Select(g => new { Name = g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).Take(MaxRegions).ToListAsync(ct))
            .Select(g => (g.Name, g.Count)).OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        regions[country] = (DateTime.UtcNow, list);
        return list;
    }

    /// A country's choice of regions lists at most this many (those with the most actions).
    public const int MaxRegions = 300;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, IReadOnlyList<(string Name, int Actions)> Regions)> regions = new(StringComparer.Ordinal);

    /// Forgets the counts: a publisher sees its own change at once.
    public void Forget()
    {
        cached = null;
        regions.Clear();
    }
}
