using System.Text;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Tests.Geography;

/// Map files read into points, lines and areas, the same from GeoJSON, KML and KMZ, within a
/// budget of positions, and a hostile or broken file draws nothing rather than failing.
public class GeoFileReaderTests
{
    private static IReadOnlyList<GeoShape> Read(FileKind kind, byte[] bytes, int budget = GeoFileReader.MaxPositions) =>
        GeoFileReader.Read(kind, new MemoryStream(bytes), ref budget);

    [Theory]
    [InlineData(FileKind.GeoJson)]
    [InlineData(FileKind.Kml)]
    [InlineData(FileKind.Kmz)]
    public void A_map_file_gives_its_point_line_and_area_with_its_hole(FileKind kind)
    {
        var bytes = kind switch { FileKind.GeoJson => MapFixtures.TamaleGeoJson, FileKind.Kml => MapFixtures.TamaleKml, _ => MapFixtures.TamaleKmz };

        var shapes = Read(kind, bytes);

        Assert.Equal([GeoShapeKind.Point, GeoShapeKind.Line, GeoShapeKind.Area], shapes.Select(s => s.Kind));
        Assert.Equal(new LonLat(-0.8405, 9.4012), shapes[0].Parts[0][0]);
        Assert.Equal(3, shapes[1].Parts[0].Length);
        Assert.Equal(2, shapes[2].Parts.Count); // the outline and its hole, one area
    }

    [Fact]
    public void A_file_keeps_one_place_per_feature_at_most_eight_taken_evenly()
    {
        Assert.Equal([new LonLat(-0.8405, 9.4012), new LonLat(-0.86, 9.38), new LonLat(-0.95, 9.35)], GeoFileReader.Places(Read(FileKind.GeoJson, MapFixtures.TamaleGeoJson)));
        var many = "{\"type\":\"MultiPoint\",\"coordinates\":[" + string.Join(',', Enumerable.Range(0, 80).Select(i => $"[{i * 0.01:0.00},9]")) + "]}";
        var places = GeoFileReader.Places(Read(FileKind.GeoJson, Encoding.UTF8.GetBytes(many)));
        Assert.Equal(GeoFileReader.MaxPlaces, places.Count);
        Assert.Equal((0.0, 0.79), (places[0].Lon, places[^1].Lon)); // the first and the last
    }

    [Fact]
    public void Reading_stops_at_the_budget_of_positions()
    {
        var budget = 4;
        var shapes = GeoFileReader.Read(FileKind.GeoJson, new MemoryStream(MapFixtures.TamaleGeoJson), ref budget);
        Assert.Equal(4, shapes.Sum(s => s.Parts.Sum(p => p.Length)));
        Assert.Equal(0, budget);
    }

    [Fact]
    public void A_kml_with_a_document_type_definition_draws_nothing()
    {
        var hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>
            """;
        Assert.Empty(Read(FileKind.Kml, Encoding.UTF8.GetBytes(hostile)));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[200,10]}""")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]}""")]
    [InlineData("""{"type":"Point","coordinates":"nowhere"}""")]
    [InlineData("""{"type":"FeatureCollection","features":[""")]
    public void Broken_or_out_of_range_geojson_draws_nothing(string json) =>
        Assert.Empty(Read(FileKind.GeoJson, Encoding.UTF8.GetBytes(json)));
}
