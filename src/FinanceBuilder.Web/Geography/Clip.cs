namespace FinanceBuilder.Web.Geography;

/// Cutting shapes to a rectangle: a filled ring by Sutherland–Hodgman (one pass per side; a
/// concave ring may keep zero-width edges along the rectangle's sides, which a map drawing with
/// the rectangle outside its frame never shows), a line into the pieces that run inside it.
internal static class Clip
{
    public static List<MapPoint> Ring(IReadOnlyList<MapPoint> ring, (double Left, double Top, double Right, double Bottom) box)
    {
        var points = ring.ToList();
        points = Side(points, p => p.X >= box.Left, (a, b) => AtX(a, b, box.Left));
        points = Side(points, p => p.X <= box.Right, (a, b) => AtX(a, b, box.Right));
        points = Side(points, p => p.Y >= box.Top, (a, b) => AtY(a, b, box.Top));
        return Side(points, p => p.Y <= box.Bottom, (a, b) => AtY(a, b, box.Bottom));
    }

    /// The pieces of a line inside the box (Liang–Barsky on each segment, joined while they touch).
    public static List<List<MapPoint>> Line(IReadOnlyList<MapPoint> line, (double Left, double Top, double Right, double Bottom) box)
    {
        var pieces = new List<List<MapPoint>>();
        List<MapPoint>? current = null;
        for (var i = 1; i < line.Count; i++)
        {
            if (Segment(line[i - 1], line[i], box) is not { } cut)
            {
                current = null;
                continue;
            }
            if (current is null || current[^1] != cut.From)
            {
                current = [cut.From];
                pieces.Add(current);
            }
            current.Add(cut.To);
            if (cut.To != line[i])
                current = null;
        }
        return pieces;
    }

    private static List<MapPoint> Side(List<MapPoint> points, Func<MapPoint, bool> inside, Func<MapPoint, MapPoint, MapPoint> cross)
    {
        var result = new List<MapPoint>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var (current, previous) = (points[i], points[(i + points.Count - 1) % points.Count]);
            if (inside(current))
            {
                if (!inside(previous))
                    result.Add(cross(previous, current));
                result.Add(current);
            }
            else if (inside(previous))
            {
                result.Add(cross(previous, current));
            }
        }
        return result;
    }

    private static MapPoint AtX(MapPoint a, MapPoint b, double x) => new(x, a.Y + (b.Y - a.Y) * (x - a.X) / (b.X - a.X));

    private static MapPoint AtY(MapPoint a, MapPoint b, double y) => new(a.X + (b.X - a.X) * (y - a.Y) / (b.Y - a.Y), y);

    private static (MapPoint From, MapPoint To)? Segment(MapPoint a, MapPoint b, (double Left, double Top, double Right, double Bottom) box)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var (t0, t1) = (0.0, 1.0);
        foreach (var (p, q) in new[] { (-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0)
                    return null;
                continue;
            }
            var r = q / p;
            if (p < 0)
                t0 = Math.Max(t0, r);
            else
                t1 = Math.Min(t1, r);
            if (t0 > t1)
                return null;
        }
        return (new MapPoint(a.X + t0 * dx, a.Y + t0 * dy), new MapPoint(a.X + t1 * dx, a.Y + t1 * dy));
    }
}
