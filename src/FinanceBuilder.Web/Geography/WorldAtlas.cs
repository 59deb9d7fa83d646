using System.Reflection;
using System.Text.Json;

namespace FinanceBuilder.Web.Geography;

/// The world's countries as polygons, from the Natural Earth 1:50 million boundaries bundled
/// with the app (world-atlas 2.0.2's countries-10m TopoJSON, Data/; THIRD-PARTY-NOTICES.md):
/// the maps never ask the internet for anything. Countries there carry their ISO 3166-1
/// numeric code; the bundled ISO table (i18n-iso-countries' codes.json) turns it into the
/// alpha-2 code the proposal uses. Read once, on first use (about 0.1 s).
public sealed class WorldAtlas
{
    /// Natural Earth lines are generalised to a few kilometres at 1:50 million, and small
    /// islands are left out: a point this close to a country (in degrees, about 20 km) counts as
    /// in it, so a coastal town or an islet is not reported while a swapped latitude and
    /// longitude or a lost minus sign — hundreds of kilometres off — still is.
    public const double Tolerance = 0.1;

    /// Areas Natural Earth draws apart from the state ISO counts them in (no code of their own).
    private static readonly Dictionary<string, string> Unnumbered = new(StringComparer.Ordinal)
    {
        ["Somaliland"] = "SO",
        ["N. Cyprus"] = "CY",
        ["Kosovo"] = "XK",
        ["Baikonur"] = "KZ",
    };

    private static readonly Lazy<WorldAtlas> Loaded = new(Load);

    public static WorldAtlas Instance => Loaded.Value;

    private WorldAtlas(IReadOnlyList<AtlasCountry> countries)
    {
        Countries = countries;
        byCode = countries.Where(c => c.Code is not null).GroupBy(c => c.Code!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    private readonly Dictionary<string, List<AtlasCountry>> byCode;

    public IReadOnlyList<AtlasCountry> Countries { get; }

    /// The shapes of a country (one, or a few where Natural Earth splits it); none when the
    /// atlas does not draw it at this scale (Tuvalu, Tokelau; French overseas departments are
    /// drawn as part of France).
    public IReadOnlyList<AtlasCountry> Find(string? alpha2) =>
        alpha2 is not null && byCode.TryGetValue(alpha2, out var found) ? found : [];

    public bool Knows(string? alpha2) => Find(alpha2).Count > 0;

    /// The point lies in the country, or within <see cref="Tolerance"/> of its outline.
    public bool Holds(string alpha2, LonLat point) =>
        Find(alpha2).Any(c => c.Contains(point) || c.DistanceTo(point) <= Tolerance);

    private static WorldAtlas Load()
    {
        var numeric = ReadCodes();
        using var stream = Resource("countries-10m.json");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            // TopoJSON quantises positions and stores each arc as differences from the last.
            var (x, y) = (0L, 0L);
            return arc.EnumerateArray().Select(p =>
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                return new LonLat(x * sx + tx, y * sy + ty);
            }).ToArray();
        }).ToArray();

        var countries = new List<AtlasCountry>();
        foreach (var geometry in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var name = geometry.GetProperty("properties").GetProperty("name").GetString() ?? "";
            var code = geometry.TryGetProperty("id", out var id) && id.GetString() is { } number && numeric.TryGetValue(number, out var alpha2)
                ? alpha2
                : Unnumbered.GetValueOrDefault(name);
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToList(),
                _ => [],
            };
            var rings = polygons.SelectMany(polygon => polygon.EnumerateArray().Select(ring => Ring(ring, arcs))).ToList();
            if (rings.Count > 0)
                countries.Add(new AtlasCountry(code, name, rings));
        }
        return new WorldAtlas(countries);
    }

    /// A ring from its arcs: a negative index ~i is arc i walked backwards; consecutive arcs
    /// share their meeting point, kept once.
    private static LonLat[] Ring(JsonElement indexes, LonLat[][] arcs)
    {
        var ring = new List<LonLat>();
        foreach (var item in indexes.EnumerateArray())
        {
            var index = item.GetInt32();
            var arc = index >= 0 ? arcs[index] : arcs[~index].Reverse().ToArray();
            ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1));
        }
        return [.. ring];
    }

    private static readonly Lazy<Dictionary<string, string>> Alpha3Codes = new(() =>
    {
        using var stream = Resource("iso-3166-codes.json");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().ToDictionary(row => row[0].GetString()!, row => row[1].GetString()!, StringComparer.Ordinal);
    });

    /// ISO 3166-1 alpha-2 ("GH") → alpha-3 ("GHA"), as EU vocabularies name countries; null for an unknown code.
    public static string? Alpha3(string alpha2) => Alpha3Codes.Value.GetValueOrDefault(alpha2);

    /// ISO 3166-1 numeric ("288") → alpha-2 ("GH").
    private static Dictionary<string, string> ReadCodes()
    {
        using var stream = Resource("iso-3166-codes.json");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray()
            .ToDictionary(row => row[2].GetString()!, row => row[0].GetString()!, StringComparer.Ordinal);
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("FinanceBuilder.Web." + name)
        ?? throw new InvalidOperationException($"The bundled map data {name} is missing from the build.");
}

/// One country of the atlas: its rings (outer outlines and holes; filled even-odd).
public sealed class AtlasCountry
{
    public AtlasCountry(string? code, string name, IReadOnlyList<LonLat[]> rings)
    {
        Code = code;
        Name = name;
        Rings = rings;
        boxes = rings.Select(Box.Of).ToArray();
    }

    private readonly Box[] boxes;

    /// Each ring's bounds (west, south, east, north), in the order of <see cref="Rings"/>.
    public IReadOnlyList<(double West, double South, double East, double North)> Bounds =>
        boxes.Select(b => (b.West, b.South, b.East, b.North)).ToList();

    /// ISO 3166-1 alpha-2; null for an area ISO gives no code (Siachen Glacier).
    public string? Code { get; }
    public string Name { get; }
    public IReadOnlyList<LonLat[]> Rings { get; }

    /// Even-odd: the point is inside when a ray from it crosses the rings an odd number of times.
    public bool Contains(LonLat p)
    {
        var inside = false;
        for (var r = 0; r < Rings.Count; r++)
        {
            if (!boxes[r].Holds(p, 0))
                continue;
            if (Crossed(Rings[r], p))
                inside = !inside;
        }
        return inside;
    }

    /// A ray from the point crosses the ring an odd number of times: the point is inside it.
    public static bool Crossed(LonLat[] ring, LonLat p)
    {
        var odd = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon)
                odd = !odd;
        }
        return odd;
    }

    /// Shortest distance from the point to the outline, in degrees of latitude (longitudes
    /// shrunk by the cosine of the latitude, so east-west and north-south count alike).
    public double DistanceTo(LonLat p)
    {
        var shrink = Math.Cos(p.Lat * Math.PI / 180);
        var best = double.MaxValue;
        for (var r = 0; r < Rings.Count; r++)
        {
            if (!boxes[r].Holds(p, Math.Min(best, 5)))
                continue;
            var ring = Rings[r];
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                best = Math.Min(best, SegmentDistance(p, ring[j], ring[i], shrink));
        }
        return best;
    }

    private static double SegmentDistance(LonLat p, LonLat a, LonLat b, double shrink)
    {
        var (ax, ay, bx, by, px, py) = (a.Lon * shrink, a.Lat, b.Lon * shrink, b.Lat, p.Lon * shrink, p.Lat);
        var (dx, dy) = (bx - ax, by - ay);
        var length = dx * dx + dy * dy;
        var t = length == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / length, 0, 1);
        var (cx, cy) = (ax + t * dx - px, ay + t * dy - py);
        return Math.Sqrt(cx * cx + cy * cy);
    }

    private readonly record struct Box(double West, double South, double East, double North)
    {
        public static Box Of(LonLat[] ring) =>
            new(ring.Min(p => p.Lon), ring.Min(p => p.Lat), ring.Max(p => p.Lon), ring.Max(p => p.Lat));

        /// Within the box grown by <paramref name="margin"/> degrees (generous in longitude near the poles).
        public bool Holds(LonLat p, double margin)
        {
            var lonMargin = margin / Math.Max(0.1, Math.Cos(p.Lat * Math.PI / 180));
            return p.Lat >= South - margin && p.Lat <= North + margin && p.Lon >= West - lonMargin && p.Lon <= East + lonMargin;
        }
    }
}
