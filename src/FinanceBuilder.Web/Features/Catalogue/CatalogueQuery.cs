using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

public enum CatalogueSort { Updated, Title, Cost }

/// What a reader narrows the catalogue to. <paramref name="Region"/> is an administrative area
/// (region, department, province) exactly as its actions' publishers wrote it: the search page
/// offers those of the chosen country (TerritoryCounts.RegionsAsync), and an action's page links
/// its own. <paramref name="Place"/> is a place's official code (a region's or a commune's): a
/// territory's page links the search for all of its actions.
public sealed record CatalogueFilter(string? Country, ActionFocus? Focus, ResultArea? ResultArea, HazardType? Hazard,
    ActionStatus? Status, bool SeeksFunding, SizeCategory? Size, string? Region = null, string? Place = null)
{
    /// The longest administrative area a filter takes (the action record's short text).
    public const int MaxRegion = 200;

    /// A region as an address gives it: trimmed, cut to MaxRegion; null when empty.
    public static string? RegionFrom(string? typed) =>
        typed?.Trim() is { Length: > 0 } region ? region[..Math.Min(region.Length, MaxRegion)] : null;

    /// A place's code as an address gives it; null when it cannot be a code.
    public static string? PlaceFrom(string? typed) =>
        typed is not null && FinanceBuilder.Web.Catalogue.TerritoryCode.Pattern().IsMatch(typed) ? typed : null;

    /// Whether the search index's facets hold every filter (a region and a place are SQL).
    public bool InIndex => string.IsNullOrWhiteSpace(Region) && string.IsNullOrWhiteSpace(Place);
}

/// The catalogue's filters and sorts, the same for the public pages and the public API. Lists are
/// stored as ";A;B;" so that a filter is one LIKE on both databases; withdrawn actions never match.
public static class CatalogueQuery
{
    public static IQueryable<PublishedAction> Filter(IQueryable<PublishedAction> query, CatalogueFilter filters)
    {
        query = query.Where(p => p.WithdrawnAt == null);
        if (filters.Country is { Length: 2 } code)
        {
            var country = code.ToUpperInvariant();
            query = query.Where(p => p.CountryCode == country);
        }
        if (filters.Focus is { } focus)
            query = query.Where(p => p.Focus.Contains(";" + focus + ";"));
        if (filters.ResultArea is { } area)
            query = query.Where(p => p.ResultAreas.Contains(";" + area + ";"));
        if (filters.Hazard is { } hazard)
            query = query.Where(p => p.Hazards.Contains(";" + hazard + ";"));
        if (filters.Status is { } status)
            query = query.Where(p => p.Status == status.ToString());
        if (filters.SeeksFunding)
            query = query.Where(p => p.SeeksFunding);
        if (filters.Size is { } size)
            query = query.Where(p => p.Size == size.ToString());
        // Not a word of the search index: areas are free text, and few readers narrow by one.
        if (!string.IsNullOrWhiteSpace(filters.Region))
        {
            var region = filters.Region.Trim();
            query = query.Where(p => p.AdministrativeArea == region);
        }
        if (!string.IsNullOrWhiteSpace(filters.Place))
        {
            var tag = ";" + filters.Place.Trim() + ";";
            query = query.Where(p => p.Places.Contains(tag));
        }
        return query;
    }

    /// Counting stops past this many: "more than 1,000" is all a reader needs, and counting every
    /// one of 40,000 matches was most of a broad search's time.
    public const int MaxCount = 1_000;

    /// The number of matches, or MaxCount + 1 when there are more.
    public static Task<int> CountAsync(IQueryable<PublishedAction> query, CancellationToken ct) =>
        query.Take(MaxCount + 1).CountAsync(ct);

    /// One page of a search and how many actions match it: the public search page and the public
    /// API ask the same question the same way. On SQLite the search index answers most of them
    /// (CatalogueIndex.SearchAsync); otherwise the filters and the sort are SQL.
    public static async Task<(IQueryable<PublishedAction> Page, int Total)> SearchAsync(FinanceBuilderDbContext db,
        IReadOnlyList<QueryWord> words, CatalogueFilter filter, CatalogueSort sort, int skip, int take, CancellationToken ct)
    {
        if (await CatalogueIndex.SearchAsync(db, words, filter, sort, skip, take, ct) is { } answered)
            return answered;
        var query = CatalogueIndex.Filtered(db, words, filter).AsNoTracking();
        var total = await CountAsync(query, ct);
        return (Sorted(query, sort).Skip(skip).Take(take), total);
    }

    public static IQueryable<PublishedAction> Sorted(IQueryable<PublishedAction> query, CatalogueSort sort) => sort switch
    {
        CatalogueSort.Title => query.OrderBy(p => p.Title).ThenBy(p => p.Id),
        CatalogueSort.Cost => query.OrderByDescending(p => p.TotalCostUsd != null).ThenByDescending(p => p.TotalCostUsd).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
    };
}
