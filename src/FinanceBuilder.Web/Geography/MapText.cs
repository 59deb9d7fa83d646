using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Geography;

/// What the map says in words (MapText.resx, MapText.fr.resx): its title, the text alternative
/// a screen reader reads, the documents' caption and the list of numbered sites. A map is a
/// picture; every fact it shows is also written here.
public static class MapText
{
    private static readonly ResourceTexts Resources = new("FinanceBuilder.Web.Geography.MapText", typeof(MapText).Assembly);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// "Map of the project's locations in Ghana".
    public static string Title(MapContent content, CultureInfo culture) =>
        content.Countries.Count == 0
            ? Get("Map.Title", culture)
            : string.Format(culture, Get("Map.TitleIn", culture), Countries(content, culture));

    /// The title, then what is drawn: "… 3 numbered sites; 2 areas and 1 line from the map files."
    public static string Alternative(MapContent content, CultureInfo culture)
    {
        var parts = new List<string> { Title(content, culture) };
        if (content.Sites.Count > 0)
            parts.Add(Count("Map.Sites", content.Sites.Count, culture));
        var (areas, lines, points) = (content.Shapes.Count(s => s.Kind == GeoShapeKind.Area), content.Shapes.Count(s => s.Kind == GeoShapeKind.Line),
            content.Shapes.Where(s => s.Kind == GeoShapeKind.Point).Sum(s => s.Parts.Sum(p => p.Length)));
        if (areas + lines + points > 0)
            parts.Add(string.Format(culture, Get("Map.FromFiles", culture),
                string.Join(", ", new[] { ("Map.Areas", areas), ("Map.Lines", lines), ("Map.Points", points) }.Where(x => x.Item2 > 0).Select(x => Count(x.Item1, x.Item2, culture)))));
        return string.Join(". ", parts) + ".";
    }

    /// The documents' caption: the title, the numbered sites by name, and the boundaries' source.
    public static string Caption(MapContent content, CultureInfo culture)
    {
        var caption = Title(content, culture);
        if (content.Sites.Count > 0)
            caption += Get("Map.Colon", culture) + string.Join(Get("Map.Semicolon", culture), content.Sites.Select(s => Site(s, culture)));
        return caption + ". " + Get("Map.Credit", culture);
    }

    /// "1 Tamale" (or "1 Site 1" when it has no name).
    public static string Site(MapSite site, CultureInfo culture) => site.Number.ToString(culture) + " " + SiteName(site, culture);

    /// The site's name, or "Site 3" when it has none.
    public static string SiteName(MapSite site, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(site.Name) ? string.Format(culture, Get("Map.Unnamed", culture), site.Number) : site.Name;

    /// "Ghana", "Ghana and Togo"; in French with their prepositions: "au Ghana et au Togo".
    private static string Countries(MapContent content, CultureInfo culture)
    {
        var names = content.Countries.Select(c => CountryText.In(c, culture, code => CountryList.Name(code, culture))).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + Get("Map.And", culture) + names[^1];
    }

    private static string Count(string key, int count, CultureInfo culture) =>
        string.Format(culture, Get(Plural.Key(key, count, culture), culture), count);
}
