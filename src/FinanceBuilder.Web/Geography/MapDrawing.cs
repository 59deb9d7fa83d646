namespace FinanceBuilder.Web.Geography;

/// A laid-out map in pixels, ready for the SVG writer (the wizard) and the PNG painter (the
/// documents): both draw these same shapes, so the page and the documents show one map.
public sealed record MapDrawing(int Width, int Height, IReadOnlyList<MapPath> Paths, IReadOnlyList<MapMarker> Markers, MapScaleBar? Scale)
{
    /// The locator map in the top right corner, when the map shows a small part of the country.
    public MapInset? Inset { get; init; }
}

/// A small map of the whole country at <paramref name="At"/> (its top left corner), with the
/// main map's frame marked on it.
public sealed record MapInset(MapDrawing Map, (MapPoint TopLeft, MapPoint BottomRight) Frame, MapPoint At)
{
    public const double Margin = 10;
}

public enum MapLayer { Neighbour, Country, Area, Line }

/// Polygons (filled even-odd) or lines, in pixels from the top left.
public sealed record MapPath(MapLayer Layer, IReadOnlyList<MapPoint[]> Parts);

public readonly record struct MapPoint(double X, double Y);

/// A site (with its number when the map labels sites, written at LabelAt) or a point of a map file (no label).
public sealed record MapMarker(MapPoint At, string? Label, bool FromFile, MapPoint? LabelAt = null);

/// A bar of a round length ("50 km") at the bottom left.
public sealed record MapScaleBar(MapPoint Start, double Length, string Text);

/// How the map looks, shared by both writers: colours safe for colour-blind readers (the
/// Okabe–Ito blue and vermilion) on pale land and sea.
public static class MapStyle
{
    public const string Sea = "#dcebf5";
    public const string Land = "#f1efe9";
    public const string LandEdge = "#a9a9a9";
    public const string Country = "#fff3c4";
    public const string CountryEdge = "#4d4d4d";
    public const string Feature = "#0072b2";
    public const string Site = "#d55e00";
    public const string Text = "#222222";
    public const string Halo = "#ffffff";
    public const string Credit = "Natural Earth";
    public const double SiteRadius = 6;
    public const double FilePointRadius = 3.5;
    public const double LabelSize = 12;

    /// How a layer is filled and outlined (fill null: a line, not filled).
    public static (string? Fill, double FillOpacity, string Edge, double EdgeWidth) Of(MapLayer layer) => layer switch
    {
        MapLayer.Neighbour => (Land, 1, LandEdge, 0.6),
        MapLayer.Country => (Country, 1, CountryEdge, 1),
        MapLayer.Area => (Feature, 0.25, Feature, 1.5),
        _ => (null, 1, Feature, 2.5),
    };
}
