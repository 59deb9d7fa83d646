using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// The location page's map: a picture the server draws (Features/Maps), its text alternative,
/// and the numbered sites it marks written out. The picture's address carries the map's
/// fingerprint, so when an autosave changes a coordinate the panel it sends back names a new
/// picture, and the page shows what was saved.
internal static class LocationMapPanel
{
    public static void Write(Html html, Proposal proposal, CultureInfo culture, Func<string, string>? mapUrl)
    {
        var content = MapContent.Of(proposal);
        var files = MapContent.MapFiles(proposal).ToList();
        html.Raw("<h2 class=\"panel-title\">").Text(MapText.Get("Map.Legend", culture)).Raw("</h2>");
        if (mapUrl is null || (content.IsEmpty && files.Count == 0))
        {
            html.Raw("<p class=\"hint\">").Text(MapText.Get("Map.Empty", culture)).Raw("</p>");
            return;
        }
        html.Raw("<figure class=\"location-map\"><img").Attr("src", mapUrl(MapContent.Fingerprint(proposal)))
            .Attr("alt", MapText.Alternative(content, culture)).Raw(" loading=\"lazy\" decoding=\"async\">")
            .Raw("<figcaption>").Text(MapText.Get("Map.Drawn", culture)).Raw("</figcaption></figure>");
        if (content.Sites.Count > 0)
        {
            html.Raw("<ol class=\"map-sites\">");
            foreach (var site in content.Sites)
                html.Raw("<li>").Text(MapText.SiteName(site, culture)).Raw("</li>");
            html.Raw("</ol>");
            if (content.Sites.Count > MapContent.MaxLabelledSites)
                html.Raw("<p class=\"hint\">").Text(string.Format(culture, MapText.Get("Map.Unlabelled", culture), MapContent.MaxLabelledSites)).Raw("</p>");
        }
        if (files.Count > 0)
            html.Raw("<p class=\"hint\">").Text(string.Format(culture, MapText.Get("Map.Files", culture), string.Join(", ", files.Select(f => f.Name)))).Raw("</p>");
    }
}
