using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.RateLimits;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// The read-only API of territories and of the shared indicator library, for anyone: the same
/// things the public pages show, with paging and filters, rate-limited per address.
public static class TerritoryApi
{
    public const string Base = "/api/public/territories";
    public const int MaxPageSize = 500;

    public sealed record TerritorySummary(string Country, string? Code, string Name, int Actions, int Values, string Url);
    public sealed record TerritoryList(IReadOnlyList<TerritorySummary> Items, int Total, int Page, int PageSize);
    public sealed record IndicatorValue(string Indicator, string Country, string? TerritoryCode, string TerritoryName, int Year, decimal Value, string ValueText,
        string Source, DateOnly SourceDate, string Licence, string Publisher, Guid Dataset);
    public sealed record ActionLink(Guid Id, string Title, string Status, string Url);
    public sealed record Territory(string Country, string? Code, string Name, IReadOnlyList<IndicatorValue> Values, IReadOnlyList<ActionLink> Actions, int ActionCount,
        IReadOnlyList<TerritorySummary> Places);
    public sealed record Definition(string Code, string TitleEn, string TitleFr, string UnitEn, string UnitFr, int Decimals, decimal? Min, decimal? Max,
        string Trend, int? IrmfCore, string MethodEn, string MethodFr, string Source);
    public sealed record ValueList(IReadOnlyList<IndicatorValue> Items, int Total, int Page, int PageSize);

    public static void MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").AllowAnonymous().RequireSharedRateLimit(PublicCaching.RateLimit).SharedByDefault().WithTags("Public catalogue");
        api.MapGet("/territories", List)
            .WithName("listTerritories").WithSummary("List the territories")
            .WithDescription("Without country: every country with published actions or indicator values. With country: its places that have values.")
            .QueryRange("page", "Page number, from 1.", 1, null, 1)
            .QueryRange("pageSize", $"Territories per page, 1 to {MaxPageSize}.", 1, MaxPageSize, 100)
            .Returns<TerritoryList>(StatusCodes.Status200OK, "One page of territories and their numbers of actions and values.")
            .Fails(StatusCodes.Status400BadRequest, "The country is not an ISO 3166-1 alpha-2 code, or a number is malformed.")
            .Fails(StatusCodes.Status429TooManyRequests, "Too many requests from this address; Retry-After says when to come back.");
        api.MapGet("/territories/{country}", (string country, FinanceBuilderDbContext db, CancellationToken ct) => Get(country, null, db, ct))
            .WithName("getCountryTerritory").WithSummary("Read a country: its indicator values, actions and places")
            .WithDescription("The country (ISO 3166-1 alpha-2, upper case): every value of the shared library for the whole country, its newest published actions, and its places that have values.")
            .Returns<Territory>(StatusCodes.Status200OK, "The country's values (every indicator and year), up to 50 of its actions, and its places that have values.")
            .Fails(StatusCodes.Status404NotFound, "Not an ISO 3166-1 alpha-2 code.");
        api.MapGet("/territories/{country}/{code}", (string country, string code, FinanceBuilderDbContext db, CancellationToken ct) => Get(country, code, db, ct))
            .WithName("getPlaceTerritory").WithSummary("Read a place by its official code: its indicator values and actions")
            .WithDescription("A place by its official code in its country (INSEE code, census code): its values in the shared library and the published actions that list it among their communes.")
            .Returns<Territory>(StatusCodes.Status200OK, "The place's values (every indicator and year) and up to 50 of its actions.")
            .Fails(StatusCodes.Status404NotFound, "Nothing is published about this place.");
        api.MapGet("/indicators", () => Results.Ok(IndicatorLibrary.All.Select(d => new Definition(d.Code, d.TitleEn, d.TitleFr, d.UnitEn, d.UnitFr, d.Decimals,
                d.Min, d.Max, d.Trend.ToString().ToLowerInvariant(), d.IrmfCore is { } core ? (int)core + 1 : null, d.MethodEn, d.MethodFr, d.Source)).ToList()))
            .WithName("listIndicatorDefinitions").WithSummary("The library of territorial indicator definitions")
            .WithDescription("The definitions every value of the shared library refers to by its code; they ship with the application.")
            .Returns<List<Definition>>(StatusCodes.Status200OK, "Every definition: code, titles and units in English and French, decimals, bounds, trend, method, usual source.");
        api.MapGet("/indicators/values", Values)
            .WithName("listIndicatorValues").WithSummary("Search the values of the shared library")
            .WithDescription("Values of every territory, narrowed by indicator, country, territory code (empty for the country itself) and years, ordered by indicator, territory and year.")
            .QueryRange("page", "Page number, from 1.", 1, null, 1)
            .QueryRange("pageSize", $"Values per page, 1 to {MaxPageSize}.", 1, MaxPageSize, 100)
            .Returns<ValueList>(StatusCodes.Status200OK, "One page of values with their source, date, licence and publisher.")
            .Fails(StatusCodes.Status400BadRequest, "A filter is malformed.");
    }

    private static async Task<IResult> List(string? country, int? page, int? pageSize, HttpContext context, FinanceBuilderDbContext db, TerritoryCounts counts, CancellationToken ct)
    {
        var take = Math.Clamp(pageSize ?? 100, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var baseUrl = OpenDataEndpoints.BaseUrl(context);
        if (country is null)
        {
            var all = (await counts.CountriesAsync(db, ct))
                .Select(c => new TerritorySummary(c.Code, null, CountryList.Name(c.Code, culture), c.Actions, c.Values, baseUrl + TerritoryUrls.Of(c.Code)))
                .OrderBy(t => t.Country, StringComparer.Ordinal).ToList();
            return Results.Ok(new TerritoryList(all.Skip((number - 1) * take).Take(take).ToList(), all.Count, number, take));
        }
        if (!IsoCodes.Countries.Contains(country))
            return Results.BadRequest();
        // A country's places are paged in the database, by code: all of them, not a first few hundred.
        var (places, total) = await TerritoryQuery.PlacesPageAsync(db, country, (number - 1) * take, take, ct);
        return Results.Ok(new TerritoryList([.. places.Select(p => new TerritorySummary(country, p.Code, p.Name, 0, p.Values, baseUrl + TerritoryUrls.Of(country, p.Code)))], total, number, take));
    }

    private static async Task<IResult> Get(string country, string? code, FinanceBuilderDbContext db, CancellationToken ct)
    {
        if (!IsoCodes.Countries.Contains(country) || (code is not null && !TerritoryValuesCsv.TerritoryCodePattern().IsMatch(code)))
            return Results.NotFound();
        if (await TerritoryQuery.ReadAsync(db, country, code, ct) is not { } t)
            return Results.NotFound();
        var name = code is null ? CountryList.Name(country, System.Globalization.CultureInfo.CurrentUICulture) : t.PlaceName ?? code;
        return Results.Ok(new Territory(country, code, name, t.Values.Select(v => ToValue(country, v.TerritoryCode, v.TerritoryName, v)).ToList(),
            t.Actions.Select(a => new ActionLink(a.Id, a.Title, a.Status, CatalogueUrls.Action(a.Id))).ToList(), t.ActionCount,
            t.Places.Select(p => new TerritorySummary(country, p.Code, p.Name, 0, p.Values, TerritoryUrls.Of(country, p.Code))).ToList()));
    }

    private static async Task<IResult> Values(string? indicator, string? country, string? territory, int? yearFrom, int? yearTo, int? page, int? pageSize,
        FinanceBuilderDbContext db, CancellationToken ct)
    {
        var take = Math.Clamp(pageSize ?? 100, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize);
        if ((country is not null && !IsoCodes.Countries.Contains(country)) || (indicator is { Length: > 40 }) || (territory is { Length: > 40 }))
            return Results.BadRequest();
        var query = from v in db.TerritoryIndicatorValues.AsNoTracking()
                    join d in db.IndicatorDatasets.AsNoTracking() on v.DatasetId equals d.Id
                    select new { v, d.PublisherName };
        if (indicator is not null) query = query.Where(x => x.v.IndicatorCode == indicator);
        if (country is not null) query = query.Where(x => x.v.CountryCode == country);
        if (territory is not null) query = query.Where(x => x.v.TerritoryCode == territory);
        if (yearFrom is { } from) query = query.Where(x => x.v.Year >= from);
        if (yearTo is { } to) query = query.Where(x => x.v.Year <= to);
        var total = await query.CountAsync(ct);
        var items = (await query.OrderBy(x => x.v.IndicatorCode).ThenBy(x => x.v.CountryCode).ThenBy(x => x.v.TerritoryCode).ThenBy(x => x.v.Year).ThenBy(x => x.v.Id)
                .Skip((number - 1) * take).Take(take).ToListAsync(ct))
            .Select(x => new IndicatorValue(x.v.IndicatorCode, x.v.CountryCode, x.v.TerritoryCode == "" ? null : x.v.TerritoryCode, x.v.TerritoryName, x.v.Year, x.v.Value,
                x.v.ValueText, x.v.Source, x.v.SourceDate, x.v.Licence, x.PublisherName, x.v.DatasetId))
            .ToList();
        return Results.Ok(new ValueList(items, total, number, take));
    }

    private static IndicatorValue ToValue(string country, string code, string name, TerritoryQuery.ValueRow v) =>
        new(v.Indicator, country, code == "" ? null : code, name, v.Year, v.Value, v.ValueText, v.Source, v.SourceDate, v.Licence, v.Publisher, v.DatasetId);
}
