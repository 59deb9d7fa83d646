using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The public catalogue: full-text search with filters, a sort and pages, all in the address
/// (a plain GET form: no JavaScript, and every result list can be bookmarked or shared).
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
public sealed class SearchPage(FinanceBuilderDbContext db, TerritoryCounts counts) : PageModel
{
    public const int PageSize = 20;
    public const int MaxPage = 500;

    public sealed record Row(Guid Id, string Title, string PublisherName, string? CountryCode, string? AdministrativeArea, string Status, decimal? TotalCostUsd, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public ActionFocus? Focus { get; set; }
    [BindProperty(SupportsGet = true, Name = "area")] public ResultArea? ResultArea { get; set; }
    [BindProperty(SupportsGet = true)] public HazardType? Hazard { get; set; }
    [BindProperty(SupportsGet = true)] public ActionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "funding")] public bool SeeksFunding { get; set; }
    [BindProperty(SupportsGet = true)] public SizeCategory? Size { get; set; }
    /// An administrative area of the country (the action's "area" field); "area" is the result area's.
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    /// A place's official code, from a territory's page ("all its actions").
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty(SupportsGet = true)] public CatalogueSort Sort { get; set; }
    /// "p", not "page": Razor Pages keeps "page" for its own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Results { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Countries { get; private set; } = [];
    /// The chosen country's administrative areas with published actions (none without a country).
    public IReadOnlyList<(string Name, int Actions)> Regions { get; private set; } = [];
    /// The parts of the address that were not understood (a value the lists do not hold, in a
    /// hand-made or outdated link): left out of the search, and named on the page.
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A property whose value did not bind keeps its default: no filter, the first page.
            // Named as the address writes them ("focus=Bogus"), the value cut short.
            Ignored = [.. ModelState.Where(e => e.Value?.Errors.Count > 0)
                .Select(e => e.Key.ToLowerInvariant() + "=" + (e.Value!.AttemptedValue is { Length: > 40 } value ? value[..40] + "…" : e.Value.AttemptedValue))
                .Order(StringComparer.Ordinal).Take(10)];
            ModelState.Clear();
        }
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        if (Query is { Length: > 200 })
            Query = Query[..200];
        Region = CatalogueFilter.RegionFrom(Region);
        if (Place is not null && CatalogueFilter.PlaceFrom(Place) is null)
        {
            Ignored = [.. Ignored, "place=" + (Place.Length > 40 ? Place[..40] + "…" : Place)];
            Place = null;
        }
        var (page, total) = await CatalogueQuery.SearchAsync(db, SearchTerms.OfQuery(Query),
            new CatalogueFilter(Country, Focus, ResultArea, Hazard, Status, SeeksFunding, Size, Region, Place), Sort, (PageNumber - 1) * PageSize, PageSize, ct);
        Total = total;
        Results = await page
            .Select(p => new Row(p.Id, p.Title, p.PublisherName, p.CountryCode, p.AdministrativeArea, p.Status, p.TotalCostUsd, p.UpdatedAt))
            .ToListAsync(ct);
        Countries = [.. (await counts.CountriesAsync(db, ct)).Where(t => t.Actions > 0).Select(t => t.Code)];
        // Only a country the catalogue has: its areas are counted and kept a minute.
        if (Country is { } country && Countries.Contains(country, StringComparer.Ordinal))
            Regions = await counts.RegionsAsync(db, country, ct);
        PublicCaching.SharePage(Response);
        return Page();
    }

    /// This search's address with one thing changed (a page, a sort).
    public string Link(int? page = null, CatalogueSort? sort = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["country"] = Country,
            ["focus"] = Focus?.ToString(),
            ["area"] = ResultArea?.ToString(),
            ["hazard"] = Hazard?.ToString(),
            ["status"] = Status?.ToString(),
            ["funding"] = SeeksFunding ? "true" : null,
            ["size"] = Size?.ToString(),
            ["region"] = Region,
            ["place"] = Place,
            ["sort"] = (sort ?? Sort) == CatalogueSort.Updated ? null : (sort ?? Sort).ToString(),
            ["p"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(CatalogueUrls.Search, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
