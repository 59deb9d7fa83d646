using System.Globalization;

namespace FinanceBuilder.Web.Geography;

/// Lays a proposal's map out. The view takes in its countries (their main land, not every far
/// island), its sites and its map files with a margin; neighbours are drawn for context. When
/// the sites lie close together in a large country — a city's markets in Ghana — the map shows
/// the sites' area, and a small locator map in the corner shows where that is in the country.
/// The projection is equirectangular with longitudes shrunk by the cosine of the view's middle
/// latitude — true to shape at the scale of a country or a region — and the view is turned so
/// that a country across the 180th meridian (Fiji, Kiribati) is drawn in one piece.
public static class MapLayout
{
    /// Every map is this wide and at most MaxHeight high: in a document it spans the text's
    /// width and less than half the page's height, whatever the shape of the country (a tall
    /// one shows more of its neighbours).
    public const int MaxWidth = 800;
    public const int MaxHeight = 500;
    private const int MinHeight = 300;
    private const int InsetSize = 170;
    /// The sites get a map of their own when their area spans less than this share of the country's.
    private const double ZoomShare = 0.2;
    /// The sites' own map is at least this wide, in degrees (about 30 km): closer, the 1:50
    /// million coasts and borders are too coarse to show where a site stands.
    private const double NearSpan = 0.25;
    /// Share of a country's area its main rings must cover before a far island is left out of the view.
    private const double MainLand = 0.95;
    private static readonly int[] RoundSteps = [5, 2, 1];

    /// The drawing, or null when there is nothing to draw.
    public static MapDrawing? Lay(MapContent content, WorldAtlas atlas)
    {
        var declared = content.Countries.ToHashSet(StringComparer.Ordinal);
        var countries = content.Countries.SelectMany(atlas.Find).SelectMany(c => MainRings(c, content.Sites)).SelectMany(r => r).ToList();
        var local = content.Sites.Select(s => s.Position).Concat(content.Shapes.SelectMany(s => s.Parts.SelectMany(p => p))).ToList();
        var all = countries.Concat(local).ToList();
        if (all.Count == 0)
            return null;

        var whole = View.Around(all, MaxWidth, MaxHeight, minWidth: MaxWidth, minHeight: MinHeight, minSpan: 0.5);
        if (local.Count == 0 || countries.Count == 0 || View.Span(local, whole.Start) > ZoomShare * View.Span(all, whole.Start))
            return Draw(whole, atlas, declared, content, labelled: true) with { Scale = whole.ScaleBar() };

        // The sites' own map, and the country's in the corner.
        var near = View.Around(local, MaxWidth, MaxHeight, minWidth: MaxWidth, minHeight: MinHeight, minSpan: NearSpan, start: whole.Start);
        var locator = View.Around(all, InsetSize, InsetSize, minWidth: 90, minHeight: 90, minSpan: 0.5, start: whole.Start);
        var inset = Draw(locator, atlas, declared, content with { Sites = [], Shapes = [] }, labelled: false);
        var frame = near.BoundsIn(locator);
        var map = Draw(near, atlas, declared, content, labelled: true);
        return map with { Scale = near.ScaleBar(), Inset = new MapInset(inset, frame, Corner(map, inset)) };
    }

    /// The corner the locator map hides no site in: top right, top left, bottom right (the
    /// scale bar has the bottom left), else top right.
    private static MapPoint Corner(MapDrawing map, MapDrawing inset)
    {
        var (w, h, m) = (inset.Width, inset.Height, MapInset.Margin);
        var corners = new[] { new MapPoint(map.Width - w - m, m), new MapPoint(m, m), new MapPoint(map.Width - w - m, map.Height - h - 24) };
        bool Clear(MapPoint c) => !map.Markers.Any(k =>
            k.At.X + 20 >= c.X && k.At.X - 10 <= c.X + w && k.At.Y + 10 >= c.Y && k.At.Y - 10 <= c.Y + h);
        return corners.FirstOrDefault(Clear, corners[0]);
    }

    private static MapDrawing Draw(View view, WorldAtlas atlas, HashSet<string> declared, MapContent content, bool labelled)
    {
        var paths = new List<MapPath>();
        foreach (var layer in new[] { MapLayer.Neighbour, MapLayer.Country })
        {
            // Only the rings whose bounds reach the frame are projected: a map of Ghana does not
            // walk Russia's half million points.
            var parts = atlas.Countries
                .Where(c => (c.Code is not null && declared.Contains(c.Code)) == (layer == MapLayer.Country))
                .SelectMany(c => c.Rings.Zip(c.Bounds))
                .Where(r => view.Sees(r.Second))
                .SelectMany(r => view.Fit(r.First, closed: true)).ToList();
            if (parts.Count > 0)
                paths.Add(new MapPath(layer, parts));
        }
        var markers = new List<MapMarker>();
        foreach (var shape in content.Shapes)
        {
            if (shape.Kind == GeoShapeKind.Point)
            {
                markers.AddRange(shape.Parts.SelectMany(p => p).Select(p => new MapMarker(view.Project(p), null, FromFile: true)));
                continue;
            }
            var closed = shape.Kind == GeoShapeKind.Area;
            var parts = shape.Parts.SelectMany(r => view.Fit(r, closed)).ToList();
            if (parts.Count > 0)
                paths.Add(new MapPath(closed ? MapLayer.Area : MapLayer.Line, parts));
        }
        labelled &= content.Sites.Count <= MapContent.MaxLabelledSites;
        var labels = new LabelPlacer(view.Width, view.Height, content.Sites.Select(s => view.Project(s.Position)));
        foreach (var site in content.Sites)
        {
            var at = view.Project(site.Position);
            var label = labelled ? site.Number.ToString(CultureInfo.InvariantCulture) : null;
            markers.Add(new MapMarker(at, label, FromFile: false, label is null ? null : labels.Place(at, label)));
        }
        return new MapDrawing(view.Width, view.Height, paths, markers, null);
    }

    /// A country's rings that make up most of its area, and any ring a site is in: French
    /// Guiana does not widen a map of France's communes, nor Easter Island one of Chile.
    private static IEnumerable<LonLat[]> MainRings(AtlasCountry country, IReadOnlyList<MapSite> sites)
    {
        var byArea = country.Rings.Select(r => (Ring: r, Area: Math.Abs(Area(r)))).OrderByDescending(r => r.Area).ToList();
        var total = byArea.Sum(r => r.Area);
        var covered = 0.0;
        foreach (var (ring, area) in byArea)
        {
            if (covered < total * MainLand || sites.Any(s => AtlasCountry.Crossed(ring, s.Position)))
                yield return ring;
            covered += area;
        }
    }

    private static double Area(LonLat[] ring)
    {
        var sum = 0.0;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            sum += (ring[j].Lon - ring[i].Lon) * (ring[j].Lat + ring[i].Lat);
        return sum / 2 * Math.Cos((ring.Length == 0 ? 0 : ring[0].Lat) * Math.PI / 180);
    }

    private static double Modulo(double value, double by) => ((value % by) + by) % by;

    /// One view: which part of the world, at what scale, in a frame of how many pixels.
    private sealed class View
    {
        private const double Band = 24;
        private static readonly double[] Turns = [-360, 0, 360];

        public required double Start { get; init; }
        public required double Left { get; init; }
        public required double Top { get; init; }
        public required double Shrink { get; init; }
        public required double Scale { get; init; }
        public required int Width { get; init; }
        public required int Height { get; init; }

        /// The view around <paramref name="points"/> with a margin, in at most max × max pixels.
        public static View Around(IReadOnlyList<LonLat> points, int maxWidth, int maxHeight, int minWidth, int minHeight, double minSpan, double? start = null)
        {
            var from = start ?? WindowStart(points);
            var (west, east) = (points.Min(p => Turn(p.Lon, from)), points.Max(p => Turn(p.Lon, from)));
            var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
            var shrink = Math.Cos(Math.Clamp((south + north) / 2, -80, 80) * Math.PI / 180);
            var (width, height) = (Math.Max((east - west) * shrink, minSpan) * 1.12, Math.Max(north - south, minSpan) * 1.12);
            var scale = Math.Min(maxWidth / width, maxHeight / height);
            width = Math.Max(width, minWidth / scale);
            height = Math.Max(height, minHeight / scale);
            return new View
            {
                Start = from,
                Shrink = shrink,
                Scale = scale,
                Left = (west + east) / 2 - width / shrink / 2,
                Top = Math.Min(90, (south + north) / 2 + height / 2),
                Width = (int)Math.Round(width * scale),
                Height = (int)Math.Round(height * scale),
            };
        }

        /// How far the points spread, in degrees of latitude (longitudes shrunk at their middle).
        public static double Span(IReadOnlyList<LonLat> points, double start)
        {
            var (west, east) = (points.Min(p => Turn(p.Lon, start)), points.Max(p => Turn(p.Lon, start)));
            var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
            return Math.Max((east - west) * Math.Cos(Math.Clamp((south + north) / 2, -80, 80) * Math.PI / 180), north - south);
        }

        /// The bounds (in degrees) reach the frame or the band around it, at any turn of 360°.
        public bool Sees((double West, double South, double East, double North) box)
        {
            var band = Band / Scale;
            var (right, bottom) = (Left + Width / Scale / Shrink, Top - Height / Scale);
            if (box.North < bottom - band || box.South > Top + band)
                return false;
            var lonBand = band / Shrink;
            return Turns.Any(k => box.East + k >= Left - lonBand && box.West + k <= right + lonBand);
        }

        public MapPoint Project(LonLat p) => new((Turn(p.Lon, Start) - Left) * Shrink * Scale, (Top - p.Lat) * Scale);

        /// This view's frame as a rectangle of another view (the locator map's).
        public (MapPoint TopLeft, MapPoint BottomRight) BoundsIn(View other)
        {
            var right = Left + Width / Scale / Shrink;
            var bottom = Top - Height / Scale;
            return (other.Project(new LonLat(Left, Top)), other.Project(new LonLat(right, bottom)));
        }

        /// A ring or a line in pixels, cut to a band around the frame; rings clipped by
        /// Sutherland–Hodgman (the edges it adds run along the band, outside the picture),
        /// lines cut into the pieces inside it; points closer than a tenth of a pixel merged.
        /// Empty when nothing of it is in the frame.
        public IEnumerable<MapPoint[]> Fit(LonLat[] part, bool closed)
        {
            if (part.Length == 0)
                yield break;
            // Unwrapped: each point is taken at the longitude (±360°) nearest the one before, so
            // a ring that touches the 180th meridian (at +180 or −180) stays in one piece.
            var previous = Turn(part[0].Lon, Start);
            var points = new List<MapPoint>(part.Length);
            foreach (var p in part)
            {
                var lon = p.Lon + 360 * Math.Round((previous - p.Lon) / 360);
                previous = lon;
                points.Add(new MapPoint((lon - Left) * Shrink * Scale, (Top - p.Lat) * Scale));
            }
            var box = (Left: -Band, Top: -Band, Right: Width + Band, Bottom: Height + Band);
            if (closed)
            {
                var ring = Clip.Ring(points, box);
                if (Tidy(ring) is { Length: >= 3 } tidy)
                    yield return tidy;
                yield break;
            }
            foreach (var piece in Clip.Line(points, box))
            {
                if (Tidy(piece) is { Length: >= 2 } tidy)
                    yield return tidy;
            }
        }

        private static MapPoint[] Tidy(IEnumerable<MapPoint> points)
        {
            var kept = new List<MapPoint>();
            foreach (var raw in points)
            {
                var p = new MapPoint(Math.Round(raw.X, 1), Math.Round(raw.Y, 1));
                if (kept.Count == 0 || kept[^1] != p)
                    kept.Add(p);
            }
            return [.. kept];
        }

        /// A scale bar about a fifth of the width, of a round length (1, 2 or 5 × 10ⁿ km).
        public MapScaleBar ScaleBar()
        {
            // One pixel is 1/(shrink × scale) degrees of longitude at the middle latitude, each
            // 111.32 km × shrink long: the shrink cancels out.
            var kilometresPerPixel = 111.32 / Scale;
            var wanted = Width / 5.0 * kilometresPerPixel;
            var power = Math.Pow(10, Math.Floor(Math.Log10(wanted)));
            var round = RoundSteps.Select(m => m * power).First(m => m <= wanted);
            var text = round >= 1 ? round.ToString("0", CultureInfo.InvariantCulture) + " km" : (round * 1000).ToString("0", CultureInfo.InvariantCulture) + " m";
            return new MapScaleBar(new MapPoint(16, Height - 18), round / kilometresPerPixel, text);
        }

        private static double Turn(double lon, double start) => start + Modulo(lon - start, 360);

        /// Where the view's longitudes start: in the middle of the widest empty band of
        /// longitude, so the 180th meridian only splits the view when something lies on both
        /// sides of every band, and no point sits on the edge (where rounding could send it
        /// round the world).
        private static double WindowStart(IReadOnlyList<LonLat> points)
        {
            var lons = points.Select(p => Modulo(p.Lon + 180, 360) - 180).Distinct().OrderBy(l => l).ToArray();
            var (gap, after) = (lons[0] + 360 - lons[^1], lons[0]);
            for (var i = 1; i < lons.Length; i++)
            {
                if (lons[i] - lons[i - 1] > gap)
                    (gap, after) = (lons[i] - lons[i - 1], lons[i]);
            }
            return after - gap / 2;
        }
    }

    /// Puts each site's number beside its dot where it covers neither a number placed before
    /// it nor another dot: right, left, above, below or on a diagonal, else where it covers least.
    private sealed class LabelPlacer(int width, int height, IEnumerable<MapPoint> dots)
    {
        private readonly List<(double X, double Y, double W, double H)> taken =
            dots.Select(d => (d.X - MapStyle.SiteRadius, d.Y - MapStyle.SiteRadius, 2 * MapStyle.SiteRadius, 2 * MapStyle.SiteRadius)).ToList();

        public MapPoint Place(MapPoint at, string label)
        {
            var (w, h) = (label.Length * 7.5 + 2, MapStyle.LabelSize + 2);
            var r = MapStyle.SiteRadius + 2;
            var choices = new (double X, double Y)[]
            {
                (at.X + r, at.Y - h / 2), (at.X - r - w, at.Y - h / 2), (at.X - w / 2, at.Y - r - h), (at.X - w / 2, at.Y + r),
                (at.X + r - 2, at.Y - r - h + 2), (at.X + r - 2, at.Y + r - 2), (at.X - r - w + 2, at.Y - r - h + 2), (at.X - r - w + 2, at.Y + r - 2),
            };
            // Its own dot is not in the way: the choices all stand clear of it.
            double Covered((double X, double Y) c) => taken.Sum(t =>
                Math.Max(0, Math.Min(c.X + w, t.X + t.W) - Math.Max(c.X, t.X)) * Math.Max(0, Math.Min(c.Y + h, t.Y + t.H) - Math.Max(c.Y, t.Y)))
                - Math.Max(0, Math.Min(c.X + w, at.X + MapStyle.SiteRadius) - Math.Max(c.X, at.X - MapStyle.SiteRadius))
                * Math.Max(0, Math.Min(c.Y + h, at.Y + MapStyle.SiteRadius) - Math.Max(c.Y, at.Y - MapStyle.SiteRadius));
            var inside = choices.Where(c => c.X >= 0 && c.X + w <= width && c.Y >= 0 && c.Y + h <= height).ToList();
            var chosen = (inside.Count > 0 ? inside : [.. choices]).MinBy(Covered);
            taken.Add((chosen.X, chosen.Y, w, h));
            // The text's baseline, from the box's top left.
            return new MapPoint(chosen.X + 1, chosen.Y + h - 3);
        }
    }
}
