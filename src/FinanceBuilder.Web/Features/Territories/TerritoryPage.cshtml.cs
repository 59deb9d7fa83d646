using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// A territory's page, for anyone: a country (/territories/GH) or a place in it by its official
/// code (/territories/FR/75056). Its indicator values from the shared library, each with its
/// source, date, licence and publisher; its published actions; for a country, its places that
/// have values. A place nobody has published anything about is not found.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
public sealed class TerritoryPage(FinanceBuilderDbContext db, TerritoryCounts counts) : PageModel
{
    public string Country { get; private set; } = "";
    public string? Code { get; private set; }
    /// The place's name as its values or actions give it; null for a country.
    public string? PlaceName { get; private set; }
    public IReadOnlyList<(IndicatorDefinition Definition, IReadOnlyList<TerritoryQuery.ValueRow> Values)> Indicators { get; private set; } = [];
    public IReadOnlyList<TerritoryQuery.ActionRow> Actions { get; private set; } = [];
    public int ActionCount { get; private set; }
    public IReadOnlyList<TerritoryQuery.Place> Places { get; private set; } = [];
    /// For a country, its regions with published actions and how many each.
    public IReadOnlyList<(string Name, int Actions)> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string country, string? code, CancellationToken ct)
    {
        var upper = country.ToUpperInvariant();
        if (!IsoCodes.Countries.Contains(upper) || (code is not null && !TerritoryValuesCsv.TerritoryCodePattern().IsMatch(code)))
            return NotFound();
        if (upper != country)
            return RedirectPermanent(TerritoryUrls.Of(upper, code));
        Country = upper;
        Code = code;
        if (await TerritoryQuery.ReadAsync(db, upper, code, ct) is not { } territory)
            return NotFound();
        var values = territory.Values;
        PlaceName = territory.PlaceName;
        ActionCount = territory.ActionCount;
        Actions = territory.Actions;
        Places = territory.Places;
        if (code is null && territory.ActionCount > 0)
            Regions = await counts.RegionsAsync(db, upper, ct);
        Indicators = IndicatorLibrary.All
            .Select(d => (d, (IReadOnlyList<TerritoryQuery.ValueRow>)values.Where(v => v.Indicator == d.Code).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();
        PublicCaching.SharePage(Response);
        return Page();
    }

    /// A value as written in the file, shown with the reader's digit grouping and decimal mark
    /// and as many decimals as it was written with ("374744" → "374,744" / "374 744").
    public static string Shown(string valueText, System.Globalization.CultureInfo culture)
    {
        var point = valueText.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : valueText.Length - point - 1;
        return decimal.Parse(valueText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)
            .ToString("N" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), culture);
    }
}
