using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// Every country with published actions or indicator values, and how many of each: counted at
/// most once a minute per app (two scans of indexes; the map and the list of territories show it
/// on every view), and again at once after the app's own publications.
public sealed class TerritoryCounts
{
    private sealed record Cached(DateTime At, IReadOnlyList<TerritoryQuery.CountrySummary> Countries);

    private volatile Cached? cached;

    public async Task<IReadOnlyList<TerritoryQuery.CountrySummary>> CountriesAsync(FinanceBuilderDbContext db, CancellationToken ct)
    {
        if (cached is { } known && DateTime.UtcNow - known.At < TimeSpan.FromMinutes(1))
            return known.Countries;
        var actions = await db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && p.CountryCode != null)
            .GroupBy(p => p.CountryCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, ct);
        var values = await db.TerritoryIndicatorValues.AsNoTracking()
            .GroupBy(v => v.CountryCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, ct);
        var list = actions.Keys.Union(values.Keys, StringComparer.Ordinal)
            .Select(code => new TerritoryQuery.CountrySummary(code, actions.GetValueOrDefault(code), values.GetValueOrDefault(code)))
            .ToList();
        cached = new Cached(DateTime.UtcNow, list);
        return list;
    }

    /// Forgets the counts: a publisher sees its own change at once.
    public void Forget() => cached = null;
}

public static class TerritorySetup
{
    public static IServiceCollection AddTerritories(this IServiceCollection services) => services.AddSingleton<TerritoryCounts>();
}
