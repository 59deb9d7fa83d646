using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// What the public pages and the API read about territories: countries with their numbers of
/// actions and values, a territory's actions and indicator values, the places of a country that
/// have values. Everything read here is public (published actions, datasets in the library).
public static class TerritoryQuery
{
    /// A territory page lists at most this many actions (the search pages through the rest) and values.
    public const int MaxActions = 50;
    public const int MaxValues = 5_000;
    public const int MaxPlaces = 500;

    public sealed record ActionRow(Guid Id, string Title, string Publisher, string Status, DateTime UpdatedAt);
    public sealed record ValueRow(string Indicator, string TerritoryCode, string TerritoryName, int Year, string ValueText, decimal Value,
        string Source, DateOnly SourceDate, string Licence, Guid DatasetId, string Publisher);
    public sealed record Place(string Code, string Name, int Values);

    /// What a territory's page and its API answer show: its values, its newest actions and how
    /// many it has, its place name (null for a country) and, for a country, its places with values.
    public sealed record Territory(string Country, string? Code, string? PlaceName, IReadOnlyList<ValueRow> Values,
        int ActionCount, IReadOnlyList<ActionRow> Actions, IReadOnlyList<Place> Places);

    /// The territory, or null for a place nobody published anything about.
    public static async Task<Territory?> ReadAsync(FinanceBuilderDbContext db, string country, string? code, CancellationToken ct)
    {
        var values = await ValuesOfAsync(db, country, code, ct);
        var actions = ActionsIn(db, country, code);
        var count = await actions.CountAsync(ct);
        if (code is not null && values.Count == 0 && count == 0)
            return null;
        var rows = await ActionRowsAsync(actions, ct);
        var name = code is null ? null : values.Select(v => v.TerritoryName).FirstOrDefault() ?? await NameFromActionsAsync(actions, code, ct);
        var places = code is null ? await PlacesInAsync(db, country, ct) : [];
        return new Territory(country, code, name, values, count, rows, places);
    }

    /// A place without values is named by the first of its actions that lists it, as its region
    /// or as one of its communes.
    private static async Task<string?> NameFromActionsAsync(IQueryable<PublishedAction> actions, string code, CancellationToken ct)
    {
        var document = await actions.OrderBy(p => p.FirstPublishedAt).Select(p => p.Document).FirstOrDefaultAsync(ct);
        if (document is null)
            return null;
        var action = FinanceBuilder.Web.Catalogue.ActionJson.FromStored(document);
        return action.AdministrativeAreaCode == code ? action.AdministrativeArea : action.Communes.FirstOrDefault(c => c.Code == code)?.Name;
    }

    /// The published actions of a country, or of a place in it by its code.
    public static IQueryable<PublishedAction> ActionsIn(FinanceBuilderDbContext db, string country, string? code)
    {
        var query = db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && p.CountryCode == country);
        if (!string.IsNullOrEmpty(code))
        {
            var tag = ";" + code + ";";
            query = query.Where(p => p.Places.Contains(tag));
        }
        return query;
    }

    public static Task<List<ActionRow>> ActionRowsAsync(IQueryable<PublishedAction> actions, CancellationToken ct) =>
        actions.OrderByDescending(p => p.UpdatedAt).Take(MaxActions)
            .Select(p => new ActionRow(p.Id, p.Title, p.PublisherName, p.Status, p.UpdatedAt)).ToListAsync(ct);

    /// The values of one territory (the country itself when code is empty), every indicator and
    /// year, with who publishes each.
    public static Task<List<ValueRow>> ValuesOfAsync(FinanceBuilderDbContext db, string country, string? code, CancellationToken ct)
    {
        var territory = code ?? "";
        return (from v in db.TerritoryIndicatorValues.AsNoTracking()
                join d in db.IndicatorDatasets.AsNoTracking() on v.DatasetId equals d.Id
                where v.CountryCode == country && v.TerritoryCode == territory
                orderby v.IndicatorCode, v.Year descending, d.PublisherName
                select new ValueRow(v.IndicatorCode, v.TerritoryCode, v.TerritoryName, v.Year, v.ValueText, v.Value, v.Source, v.SourceDate, v.Licence, d.Id, d.PublisherName))
            .Take(MaxValues).ToListAsync(ct);
    }

    /// The places of a country that have values, by name: the first MaxPlaces by code (the same on
    /// both databases; France has 35,000 communes — the API pages through all of them).
    public static async Task<List<Place>> PlacesInAsync(FinanceBuilderDbContext db, string country, CancellationToken ct) =>
        (await PlacesByCode(db, country).Take(MaxPlaces).ToListAsync(ct))
        .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// One page of a country's places with values, by code, and how many there are.
    public static async Task<(List<Place> Page, int Total)> PlacesPageAsync(FinanceBuilderDbContext db, string country, int skip, int take, CancellationToken ct) =>
        (await PlacesByCode(db, country).Skip(skip).Take(take).ToListAsync(ct), await PlacesByCode(db, country).CountAsync(ct));

    private static IQueryable<Place> PlacesByCode(FinanceBuilderDbContext db, string country) =>
        db.TerritoryIndicatorValues.AsNoTracking().Where(v => v.CountryCode == country && v.TerritoryCode != "")
            .GroupBy(v => v.TerritoryCode).OrderBy(g => g.Key).Select(g => new Place(g.Key, g.Max(v => v.TerritoryName)!, g.Count()));
}
