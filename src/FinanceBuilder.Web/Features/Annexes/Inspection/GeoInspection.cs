using System.Text.Json;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// Map files: GeoJSON (a JSON object of a GeoJSON type, coordinates in range) and KML (an XML
/// document whose root is KML's, read with DTDs prohibited); a KMZ is a zip holding a KML.
internal static class GeoInspection
{
    private static readonly HashSet<string> GeoJsonTypes =
        ["FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

    public static Inspection.Accepted? GeoJson(byte[] text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String || !GeoJsonTypes.Contains(type.GetString()!))
                return null;
            CheckCoordinates(root);
            return new Inspection.Accepted(FileKind.GeoJson, Places: PlacesOf(FileKind.GeoJson, text));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Inspection.Accepted? Kml(byte[] xml)
    {
        var isKml = false;
        var first = true;
        SafeXml.Read(xml, reader =>
        {
            if (first)
                isKml = reader.LocalName == "kml" && reader.NamespaceURI.Contains("opengis.net/kml", StringComparison.Ordinal);
            first = false;
        });
        return isKml ? new Inspection.Accepted(FileKind.Kml, Places: PlacesOf(FileKind.Kml, xml)) : null;
    }

    public static Inspection.Accepted Kmz(ZipBounds zip)
    {
        var kml = zip.Find("doc.kml") ?? zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".kml", StringComparison.OrdinalIgnoreCase));
        if (kml is null || Kml(zip.Read(kml)) is not { } inside)
            throw new RefusedFile("Unknown");
        return new Inspection.Accepted(FileKind.Kmz, Places: inside.Places);
    }

    /// The places R-081 checks, read as the map reads the file.
    private static IReadOnlyList<LonLat> PlacesOf(FileKind kind, byte[] content)
    {
        var budget = GeoFileReader.MaxPositions;
        return GeoFileReader.Places(GeoFileReader.Read(kind, new MemoryStream(content), ref budget));
    }

    /// Every position of the file is a longitude within ±180 and a latitude within ±90.
    private static void CheckCoordinates(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("coordinates"))
                        Positions(property.Value);
                    else
                        CheckCoordinates(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    CheckCoordinates(item);
                break;
        }
    }

    private static void Positions(JsonElement coordinates)
    {
        if (coordinates.ValueKind != JsonValueKind.Array)
            throw new RefusedFile("Coordinates");
        var items = coordinates.EnumerateArray().ToList();
        if (items.Count >= 2 && items.All(i => i.ValueKind == JsonValueKind.Number))
        {
            var (lon, lat) = (items[0].GetDouble(), items[1].GetDouble());
            if (Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
                throw new RefusedFile("Coordinates");
            return;
        }
        foreach (var item in items)
            Positions(item);
    }
}
