using System.Globalization;
using System.Net;
using System.Text;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Territories;

/// The map of actions: the world's countries (WorldMap), shaded by how many published actions
/// each has, each shaded country a link to its territory page with its name and count as the
/// link's title. Drawn into the page (no script, no request to anyone else); the table beside it
/// says the same in words.
public static class ActionMapSvg
{
    /// The shades, lightest first, and the least number of actions of each (a sequential palette
    /// readable by the colour-blind).
    public static readonly (int From, string Fill)[] Bands = [(1, "#41ab5d"), (10, "#238b45"), (100, "#006d2c"), (1000, "#00441b")];
    public const string Empty = "#e5e7eb";

    public static string Write(IReadOnlyList<CountrySummary> countries, CultureInfo culture)
    {
        var counts = countries.Where(c => c.Actions > 0).ToDictionary(c => c.Code, c => c.Actions, StringComparer.Ordinal);
        var svg = new StringBuilder(128 * 1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"action-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WorldMap.Width} {WorldMap.Height}\" aria-labelledby=\"action-map-title\">");
        svg.Append("<title id=\"action-map-title\">").Append(WebUtility.HtmlEncode(TerritoryText.Texts.Get("Map.Title", culture))).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{WorldMap.Width}\" height=\"{WorldMap.Height}\" fill=\"#f4f8fb\"/>");
        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.5\">");
        foreach (var (code, path) in WorldMap.Countries)
        {
            if (!counts.TryGetValue(code, out var count))
            {
                svg.Append("<path fill=\"").Append(Empty).Append("\" d=\"").Append(path).Append("\"/>");
                continue;
            }
            var name = CountryList.Name(code, culture);
            var label = TerritoryText.Texts.Count(culture, "Map.CountryActions", count, name);
            svg.Append("<a href=\"").Append(TerritoryUrls.Of(code)).Append("\"><title>").Append(WebUtility.HtmlEncode(label)).Append("</title>")
                .Append("<path fill=\"").Append(Fill(count)).Append("\" d=\"").Append(path).Append("\"/></a>");
        }
        return svg.Append("</g></svg>").ToString();
    }

    public static string Fill(int count) => Bands.Last(b => count >= b.From).Fill;
}
