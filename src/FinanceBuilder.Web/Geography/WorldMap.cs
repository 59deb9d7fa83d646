using System.Globalization;
using System.Text;

namespace FinanceBuilder.Web.Geography;

/// The whole world in one small picture, for the public catalogue's map of actions: each
/// country's outline as an SVG path in an equirectangular frame from 58° S to 84° N (no
/// Antarctica), simplified to about half a pixel (Douglas–Peucker) so that the 1:50 million
/// coasts fit a page of tens of kilobytes. Laid out once per process.
public static class WorldMap
{
    public const int Width = 960;
    private const double North = 84;
    private const double South = -58;
    private const double Tolerance = 0.5;
    private const double Scale = Width / 360.0;

    public static int Height { get; } = (int)Math.Round((North - South) * Scale);

    /// Every country the atlas draws with an ISO code, and its path ("M… L… Z").
    public static IReadOnlyList<(string Code, string Path)> Countries => Laid.Value;

    private static readonly Lazy<IReadOnlyList<(string Code, string Path)>> Laid = new(() => Lay(WorldAtlas.Instance));

    private static List<(string Code, string Path)> Lay(WorldAtlas atlas)
    {
        var paths = new List<(string Code, string Path)>();
        foreach (var group in atlas.Countries.Where(c => c.Code is not null).GroupBy(c => c.Code!, StringComparer.Ordinal))
        {
            var path = new StringBuilder();
            foreach (var ring in group.SelectMany(c => c.Rings))
            {
                if (ring.All(p => p.Lat < South))
                    continue;
                // A ring that crosses the 180th meridian (Fiji, Chukotka) is unwrapped — each point
                // at the longitude nearest the one before — so it stays one shape instead of a line
                // across the world; the part past the edge is drawn again from the other edge.
                var unwrapped = new List<(double Lon, double Lat)>(ring.Length);
                foreach (var p in ring)
                    unwrapped.Add((unwrapped.Count == 0 ? p.Lon : p.Lon + 360 * Math.Round((unwrapped[^1].Lon - p.Lon) / 360), p.Lat));
                var shifts = new List<double> { 0 };
                if (unwrapped.Max(p => p.Lon) > 180)
                    shifts.Add(-360);
                if (unwrapped.Min(p => p.Lon) < -180)
                    shifts.Add(360);
                foreach (var shift in shifts)
                {
                    var points = Simplify(unwrapped.Select(p => (X: (p.Lon + shift + 180) * Scale, Y: (North - Math.Clamp(p.Lat, South, North)) * Scale)).ToList());
                    if (points.Count < 3 || Math.Abs(Area(points)) < 1)
                        continue;
                    for (var i = 0; i < points.Count; i++)
                        path.Append(i == 0 ? 'M' : 'L').Append(Number(points[i].X)).Append(' ').Append(Number(points[i].Y));
                    path.Append('Z');
                }
            }
            if (path.Length > 0)
                paths.Add((group.Key, path.ToString()));
        }
        return paths;
    }

    /// Douglas–Peucker on a closed ring: the points that keep the outline within the tolerance.
    private static List<(double X, double Y)> Simplify(List<(double X, double Y)> ring)
    {
        if (ring.Count < 4)
            return ring;
        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        // The farthest point from the first splits the ring in two open lines.
        var far = Enumerable.Range(1, ring.Count - 2).MaxBy(i => Distance2(ring[i], ring[0]));
        keep[far] = true;
        var stack = new Stack<(int From, int To)>([(0, far), (far, ring.Count - 1)]);
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (best, index) = (0.0, -1);
            for (var i = from + 1; i < to; i++)
            {
                var d = SegmentDistance(ring[i], ring[from], ring[to]);
                if (d > best)
                    (best, index) = (d, i);
            }
            if (index < 0 || best <= Tolerance)
                continue;
            keep[index] = true;
            stack.Push((from, index));
            stack.Push((index, to));
        }
        var kept = new List<(double X, double Y)>();
        for (var i = 0; i < ring.Count; i++)
        {
            if (!keep[i])
                continue;
            var p = (Math.Round(ring[i].X, 1), Math.Round(ring[i].Y, 1));
            if (kept.Count == 0 || kept[^1] != p)
                kept.Add(p);
        }
        return kept;
    }

    private static double Distance2((double X, double Y) a, (double X, double Y) b) => (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y);

    private static double SegmentDistance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var length2 = Distance2(a, b);
        if (length2 == 0)
            return Math.Sqrt(Distance2(p, a));
        var t = Math.Clamp(((p.X - a.X) * (b.X - a.X) + (p.Y - a.Y) * (b.Y - a.Y)) / length2, 0, 1);
        return Math.Sqrt(Distance2(p, (a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y))));
    }

    private static double Area(List<(double X, double Y)> ring)
    {
        var sum = 0.0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            sum += (ring[j].X - ring[i].X) * (ring[j].Y + ring[i].Y);
        return sum / 2;
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
