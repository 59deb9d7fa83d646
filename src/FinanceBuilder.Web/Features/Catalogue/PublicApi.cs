using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.RateLimits;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The catalogue's read-only API, for anyone: the same search, filters and sorts as the public
/// pages, one action as its record, and the changes since a date (the incremental feed, withdrawn
/// actions included as tombstones so a copy can drop them).
public static class PublicApi
{
    public const int MaxPageSize = 100;

    public sealed record ActionSummary(Guid Id, string Title, string Publisher, string? Country, string? AdministrativeArea,
        string Status, decimal? TotalCostUsd, int Revision, DateTime Updated, bool Withdrawn, string Url);

    /// Total stops at 1,001: more than 1,000 matches.
    public sealed record ActionList(IReadOnlyList<ActionSummary> Items, int Total, int Page, int PageSize);

    public sealed record PublicAction(Guid Id, int Revision, string Publisher, DateTime FirstPublished, DateTime Updated, string Url, string IatiUrl, CatalogueAction Action);

    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/actions").AllowAnonymous().RequireSharedRateLimit(PublicCaching.RateLimit).SharedByDefault().WithTags("Public catalogue");
        api.MapGet("/", List)
            .WithName("listPublicActions").WithSummary("Search the public catalogue")
            .WithDescription("Published actions holding every word of q (in English or French forms), narrowed by the filters, one page at a time. "
                + "With changedSince, the feed of changes instead: every action published, changed or withdrawn after that time, oldest change first, withdrawn ones as tombstones (withdrawn: true, nothing else public).")
            .QueryValues("region", $"An administrative area (region, department, province) exactly as the actions' publishers wrote it, at most {CatalogueFilter.MaxRegion} characters.")
            .QueryValues("place", "A place's official code in its country (a region's or a commune's, as the actions give it).")
            .QueryRange("page", "Page number, from 1.", 1, null, 1)
            .QueryRange("pageSize", $"Actions per page, 1 to {MaxPageSize}.", 1, MaxPageSize, 20)
            .Returns<ActionList>(StatusCodes.Status200OK, "One page of action summaries and the number of matches (1001 means more than 1,000).")
            .Fails(StatusCodes.Status400BadRequest, "A filter is not one of its values, or a number or date is malformed.")
            .Fails(StatusCodes.Status429TooManyRequests, "Too many requests from this address (Catalogue:PublicRequestsPerMinute); Retry-After says when to come back.");
        api.MapGet("/{id:guid}", Get)
            .WithName("getPublicAction").WithSummary("Read a published action")
            .WithDescription("The action's public record as last published, with its revision.")
            .Returns<PublicAction>(StatusCodes.Status200OK, "The published action (with ETag and Last-Modified: If-None-Match gets 304).")
            .Fails(StatusCodes.Status404NotFound, "No action was ever published under this id.")
            .Fails(StatusCodes.Status410Gone, "The action was withdrawn by its publisher.");
    }

    private static async Task<IResult> List(HttpContext context, FinanceBuilderDbContext db, string? q, string? country, ActionFocus? focus, ResultArea? area,
        HazardType? hazard, ActionStatus? status, bool? funding, SizeCategory? size, string? region, string? place, CatalogueSort? sort, DateTime? changedSince, int? page, int? pageSize, CancellationToken ct)
    {
        var take = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize);
        var baseUrl = OpenDataEndpoints.BaseUrl(context);
        IQueryable<Data.Catalogue.PublishedAction> query;
        int total;
        if (changedSince is { } since)
        {
            var after = DateTime.SpecifyKind(since, DateTimeKind.Utc);
            var changed = db.PublishedActions.AsNoTracking().Where(p => p.UpdatedAt > after).OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id);
            total = await CatalogueQuery.CountAsync(changed, ct);
            query = changed.Skip((number - 1) * take).Take(take);
        }
        else
        {
            (query, total) = await CatalogueQuery.SearchAsync(db, SearchTerms.OfQuery(q?.Length > 200 ? q[..200] : q),
                new CatalogueFilter(country, focus, area, hazard, status, funding ?? false, size,
                    CatalogueFilter.RegionFrom(region), CatalogueFilter.PlaceFrom(place)),
                sort ?? CatalogueSort.Updated, (number - 1) * take, take, ct);
        }
        var items = (await query.ToListAsync(ct))
            .Select(p => new ActionSummary(p.Id, p.Title, p.PublisherName, p.CountryCode, p.AdministrativeArea, p.Status, p.TotalCostUsd,
                p.Revision, p.UpdatedAt, p.WithdrawnAt is not null, baseUrl + CatalogueUrls.Action(p.Id)))
            .ToList();
        return Results.Ok(new ActionList(items, total, number, take));
    }

    private static async Task<IResult> Get(Guid id, HttpContext context, FinanceBuilderDbContext db, CancellationToken ct)
    {
        var row = await db.PublishedActions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
            return Results.NotFound();
        if (row.WithdrawnAt is not null)
            return Results.StatusCode(StatusCodes.Status410Gone);
        if (PublicCaching.NotModified(context, $"api-{row.Id:N}-{row.Revision}", row.UpdatedAt, byLanguage: false))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        var baseUrl = OpenDataEndpoints.BaseUrl(context);
        return Results.Ok(new PublicAction(row.Id, row.Revision, row.PublisherName, row.FirstPublishedAt, row.UpdatedAt,
            baseUrl + CatalogueUrls.Action(row.Id), baseUrl + OpenDataEndpoints.ActionIati(row.Id), ActionJson.FromStored(row.Document)));
    }
}
