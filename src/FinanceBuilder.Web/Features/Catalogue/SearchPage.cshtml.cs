using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The public catalogue: full-text search with filters, a sort and pages, all in the address
/// (a plain GET form: no JavaScript, and every result list can be bookmarked or shared).
[AllowAnonymous]
[EnableRateLimiting(PublicCaching.RateLimit)]
public sealed class SearchPage(FinanceBuilderDbContext db) : PageModel
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
    [BindProperty(SupportsGet = true)] public CatalogueSort Sort { get; set; }
    /// "p", not "page": Razor Pages keeps "page" for its own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Results { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A value the lists do not hold (a hand-made address) is an empty search, not an error page.
        if (!ModelState.IsValid)
            return BadRequest();
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        if (Query is { Length: > 200 })
            Query = Query[..200];
        var (page, total) = await CatalogueQuery.SearchAsync(db, SearchTerms.OfQuery(Query),
            new CatalogueFilter(Country, Focus, ResultArea, Hazard, Status, SeeksFunding, Size), Sort, (PageNumber - 1) * PageSize, PageSize, ct);
        Total = total;
        Results = await page
            .Select(p => new Row(p.Id, p.Title, p.PublisherName, p.CountryCode, p.AdministrativeArea, p.Status, p.TotalCostUsd, p.UpdatedAt))
            .ToListAsync(ct);
        Countries = await CountriesAsync(db, ct);
        PublicCaching.SharePage(Response);
        return Page();
    }

    private sealed record CountryList(DateTime At, IReadOnlyList<string> Codes);

    private static CountryList? countries;

    /// The countries that have actions, for the filter: read at most once a minute per process (a
    /// scan of the catalogue's index, 20 ms over 100,000 actions, on every search otherwise).
    private static async Task<IReadOnlyList<string>> CountriesAsync(FinanceBuilderDbContext db, CancellationToken ct)
    {
        if (countries is { } known && DateTime.UtcNow - known.At < TimeSpan.FromMinutes(1))
            return known.Codes;
        var codes = await db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && p.CountryCode != null)
            .Select(p => p.CountryCode!).Distinct().ToListAsync(ct);
        countries = new CountryList(DateTime.UtcNow, codes);
        return codes;
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
            ["sort"] = (sort ?? Sort) == CatalogueSort.Updated ? null : (sort ?? Sort).ToString(),
            ["p"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(CatalogueUrls.Search, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
