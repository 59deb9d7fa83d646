using System.IO.Compression;
using System.Text;

namespace FinanceBuilder.Web.Tests.Geography;

/// Map files as communes send them: a GeoJSON of Tamale's project sites (a market, a street
/// lighting corridor, a district outline with a hole), the same in KML and KMZ.
internal static class MapFixtures
{
    public static byte[] TamaleGeoJson => Encoding.UTF8.GetBytes("""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Central market"},"geometry":{"type":"Point","coordinates":[-0.8405,9.4012]}},
          {"type":"Feature","properties":{"name":"Bolgatanga road lighting"},"geometry":{"type":"LineString","coordinates":[[-0.86,9.38],[-0.85,9.42],[-0.84,9.46]]}},
          {"type":"Feature","properties":{"name":"Sagnarigu district"},"geometry":{"type":"Polygon","coordinates":[
            [[-0.95,9.35],[-0.75,9.35],[-0.75,9.50],[-0.95,9.50],[-0.95,9.35]],
            [[-0.88,9.40],[-0.82,9.40],[-0.82,9.44],[-0.88,9.44],[-0.88,9.40]]]}}
        ]}
        """);

    public const string TamaleKmlText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
          <Placemark><name>Central market</name><Point><coordinates>-0.8405,9.4012,0</coordinates></Point></Placemark>
          <Placemark><name>Lighting</name><LineString><coordinates>-0.86,9.38 -0.85,9.42 -0.84,9.46</coordinates></LineString></Placemark>
          <Placemark><name>District</name><Polygon>
            <outerBoundaryIs><LinearRing><coordinates>-0.95,9.35 -0.75,9.35 -0.75,9.50 -0.95,9.50 -0.95,9.35</coordinates></LinearRing></outerBoundaryIs>
            <innerBoundaryIs><LinearRing><coordinates>-0.88,9.40 -0.82,9.40 -0.82,9.44 -0.88,9.44 -0.88,9.40</coordinates></LinearRing></innerBoundaryIs>
          </Polygon></Placemark>
        </Document></kml>
        """;

    public static byte[] TamaleKml => Encoding.UTF8.GetBytes(TamaleKmlText);

    public static byte[] TamaleKmz
    {
        get
        {
            using var bytes = new MemoryStream();
            using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var entry = zip.CreateEntry("doc.kml").Open();
                entry.Write(TamaleKml);
            }
            return bytes.ToArray();
        }
    }
}
