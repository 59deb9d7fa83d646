using System.Globalization;
using System.Text.Json;
using System.Xml;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// The points, lines and areas of a map file the user attached: GeoJSON (RFC 7946: features,
/// geometries and collections of them), KML (placemarks' points, lines and polygons, read with
/// DTDs prohibited) and KMZ (its KML, unpacked within the upload's zip bounds). The file was
/// recognised at upload; a file that still cannot be read draws nothing. At most
/// <see cref="MaxPositions"/> positions are read from all a proposal's files: a map of a few
/// hundred pixels shows no more, and a 25 MB file of parcels does not hold the server.
internal static class GeoFileReader
{
    public const int MaxPositions = 200_000;

    /// How many places of a map file are kept with its facts, for R-081 to check: few, since a
    /// proposal may hold 1,200 files and a template may loop over at most 10,000 items; a file
    /// in the wrong place (another project's, or its coordinates swapped) is wrong throughout.
    public const int MaxPlaces = 8;

    /// Places of the file, one per feature (a point's position, a line's or an area's first
    /// vertex), at most <see cref="MaxPlaces"/> taken evenly from the first feature to the last.
    public static IReadOnlyList<LonLat> Places(IReadOnlyList<GeoShape> shapes)
    {
        var all = shapes.SelectMany(s => s.Kind == GeoShapeKind.Point ? s.Parts.SelectMany(p => p) : s.Parts.Take(1).Select(p => p[0])).ToList();
        if (all.Count <= MaxPlaces)
            return all;
        return Enumerable.Range(0, MaxPlaces).Select(i => all[(int)((long)i * (all.Count - 1) / (MaxPlaces - 1))]).ToList();
    }

    public static IReadOnlyList<GeoShape> Read(FileKind kind, Stream content, ref int budget)
    {
        var shapes = new List<GeoShape>();
        try
        {
            switch (kind)
            {
                case FileKind.GeoJson:
                    using (var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 }))
                        GeoJson(document.RootElement, shapes, ref budget);
                    break;
                case FileKind.Kml:
                    Kml(content, shapes, ref budget);
                    break;
                case FileKind.Kmz:
                    using (var zip = new ZipBounds(content))
                    {
                        var entry = zip.Find("doc.kml") ?? zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".kml", StringComparison.OrdinalIgnoreCase));
                        if (entry is not null)
                            Kml(new MemoryStream(zip.Read(entry)), shapes, ref budget);
                    }
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or XmlException or RefusedFile or InvalidDataException)
        {
            // Recognised at upload, so this is a file changed since or a bound reached: draw what was read.
        }
        return shapes;
    }

    private static void GeoJson(JsonElement element, List<GeoShape> shapes, ref int budget)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type))
            return;
        switch (type.GetString())
        {
            case "FeatureCollection" when element.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array:
                foreach (var feature in features.EnumerateArray())
                    GeoJson(feature, shapes, ref budget);
                break;
            case "Feature" when element.TryGetProperty("geometry", out var geometry):
                GeoJson(geometry, shapes, ref budget);
                break;
            case "GeometryCollection" when element.TryGetProperty("geometries", out var geometries) && geometries.ValueKind == JsonValueKind.Array:
                foreach (var geometry in geometries.EnumerateArray())
                    GeoJson(geometry, shapes, ref budget);
                break;
            case { } kind when element.TryGetProperty("coordinates", out var coordinates):
                var (shape, depth) = kind switch
                {
                    "Point" => (GeoShapeKind.Point, 0),
                    "MultiPoint" => (GeoShapeKind.Point, 1),
                    "LineString" => (GeoShapeKind.Line, 1),
                    "MultiLineString" => (GeoShapeKind.Line, 2),
                    "Polygon" => (GeoShapeKind.Area, 2),
                    "MultiPolygon" => (GeoShapeKind.Area, 3),
                    _ => (GeoShapeKind.Point, -1),
                };
                if (depth < 0)
                    return;
                var parts = new List<LonLat[]>();
                Parts(coordinates, depth, shape == GeoShapeKind.Point, parts, ref budget);
                if (parts.Count > 0)
                    shapes.Add(new GeoShape(shape, parts));
                break;
        }
    }

    /// Positions at depth 0, lists of them at 1 (a part), lists of parts above. Points are
    /// gathered into one part.
    private static void Parts(JsonElement coordinates, int depth, bool points, List<LonLat[]> parts, ref int budget)
    {
        if (coordinates.ValueKind != JsonValueKind.Array)
            return;
        if (depth == 0)
        {
            if (Position(coordinates) is { } one && budget-- > 0)
                parts.Add([one]);
            return;
        }
        if (depth == 1)
        {
            var part = new List<LonLat>();
            foreach (var item in coordinates.EnumerateArray())
            {
                if (budget <= 0)
                    break;
                if (Position(item) is { } p)
                {
                    part.Add(p);
                    budget--;
                }
            }
            if (part.Count > 0)
                parts.Add([.. part]);
            return;
        }
        foreach (var item in coordinates.EnumerateArray())
            Parts(item, depth - 1, points, parts, ref budget);
    }

    private static LonLat? Position(JsonElement item) =>
        item.ValueKind == JsonValueKind.Array && item.GetArrayLength() >= 2
        && item[0].TryGetDouble(out var lon) && item[1].TryGetDouble(out var lat) && Valid(lon, lat)
            ? new LonLat(lon, lat) : null;

    /// KML: each coordinates element belongs to the nearest Point, LineString or LinearRing
    /// around it ("lon,lat[,alt]" tuples separated by white space); a Polygon's rings (its
    /// outline and holes) make one area.
    private static void Kml(Stream content, List<GeoShape> shapes, ref int budget)
    {
        using var reader = SafeXml.Open(content);
        var open = new Stack<string>();
        List<LonLat[]>? polygon = null;
        var moved = false;
        while (budget > 0 && (moved || reader.Read()))
        {
            moved = false;
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Point" or "LineString" or "LinearRing" or "Polygon" && !reader.IsEmptyElement)
            {
                open.Push(reader.LocalName);
                if (reader.LocalName == "Polygon")
                    polygon = [];
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "Point" or "LineString" or "LinearRing" or "Polygon" && open.Count > 0)
            {
                if (open.Pop() != "Polygon")
                    continue;
                if (polygon is { Count: > 0 })
                    shapes.Add(new GeoShape(GeoShapeKind.Area, polygon));
                polygon = null;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "coordinates" && open.TryPeek(out var kind) && !reader.IsEmptyElement)
            {
                var text = reader.ReadElementContentAsString();
                moved = true; // the reader stands on the node after </coordinates>
                var part = new List<LonLat>();
                foreach (var tuple in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    var values = tuple.Split(',');
                    if (values.Length >= 2 && double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                        && double.TryParse(values[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && Valid(lon, lat) && budget-- > 0)
                        part.Add(new LonLat(lon, lat));
                }
                if (part.Count == 0)
                    continue;
                if (kind == "LinearRing" && polygon is not null)
                    polygon.Add([.. part]);
                else
                    shapes.Add(new GeoShape(kind switch { "Point" => GeoShapeKind.Point, "LineString" => GeoShapeKind.Line, _ => GeoShapeKind.Area }, [[.. part]]));
            }
        }
    }

    private static bool Valid(double lon, double lat) =>
        double.IsFinite(lon) && double.IsFinite(lat) && Math.Abs(lon) <= 180 && Math.Abs(lat) <= 90;
}
