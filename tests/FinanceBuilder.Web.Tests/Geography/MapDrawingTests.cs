using System.Globalization;
using System.Xml.Linq;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Rules;
using SkiaSharp;

namespace FinanceBuilder.Web.Tests.Geography;

/// The map a proposal gets: its country and neighbours, its numbered sites and its map files,
/// the same in the SVG the wizard shows and the PNG the documents print.
public class MapDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static MapDrawing Lay(Proposal proposal, IReadOnlyList<GeoShape>? shapes = null) =>
        MapLayout.Lay(MapContent.Of(proposal, shapes), WorldAtlas.Instance) ?? throw new InvalidOperationException("no map");

    private static IReadOnlyList<GeoShape> Shapes(byte[] geoJson)
    {
        var budget = GeoFileReader.MaxPositions;
        return GeoFileReader.Read(FileKind.GeoJson, new MemoryStream(geoJson), ref budget);
    }

    [Fact]
    public void Tamales_sites_get_a_map_of_their_own_with_Ghana_in_the_corner()
    {
        var proposal = RuleCases.Load(RuleCases.M);

        var map = Lay(proposal, Shapes(MapFixtures.TamaleGeoJson));

        Assert.Equal(MapLayout.MaxWidth, map.Width);
        Assert.InRange(map.Height, 300, MapLayout.MaxHeight);
        Assert.Contains(map.Paths, p => p.Layer == MapLayer.Country);
        Assert.Contains(map.Paths, p => p.Layer == MapLayer.Area);
        Assert.Contains(map.Paths, p => p.Layer == MapLayer.Line);
        var sites = map.Markers.Where(m => !m.FromFile).ToList();
        Assert.Equal(proposal.Basics.Locations.Count(l => l.Latitude is not null), sites.Count);
        Assert.Equal(Enumerable.Range(1, sites.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), sites.Select(s => s.Label));
        Assert.All(map.Markers, m => Assert.True(m.At.X is > 0 && m.At.X < map.Width && m.At.Y > 0 && m.At.Y < map.Height));
        Assert.Single(map.Markers, m => m.FromFile);
        Assert.True(map.Scale!.Text.EndsWith(" km", StringComparison.Ordinal) && map.Scale.Text.Length <= 5, map.Scale.Text); // a few km, not 100
        // No two numbers on top of each other.
        var labels = sites.Select(s => s.LabelAt!.Value).ToList();
        Assert.All(labels, a => Assert.Single(labels, b => Math.Abs(a.X - b.X) < 8 && Math.Abs(a.Y - b.Y) < 12));
        // Ghana, taller than wide, with its neighbours, and the sites' frame marked on it.
        var inset = Assert.IsType<MapInset>(map.Inset);
        Assert.True(inset.Map.Height > inset.Map.Width, $"{inset.Map.Width}×{inset.Map.Height}");
        Assert.Contains(inset.Map.Paths, p => p.Layer == MapLayer.Neighbour);
        Assert.Empty(inset.Map.Markers);
        Assert.InRange(inset.Frame.TopLeft.X, 0, inset.Map.Width);
        Assert.InRange(inset.Frame.TopLeft.Y, 0, inset.Map.Height);
    }

    [Fact]
    public void Sites_across_a_country_are_drawn_on_the_countrys_map()
    {
        var proposal = new Proposal();
        proposal.Basics.Countries.Add(new CountryRef { Code = "GH" });
        proposal.Basics.Locations.Add(new Location { Name = "Tamale", Latitude = 9.4075m, Longitude = -0.8533m });
        proposal.Basics.Locations.Add(new Location { Name = "Accra", Latitude = 5.6037m, Longitude = -0.1870m });

        var map = Lay(proposal);

        Assert.Null(map.Inset);
        // Ghana is taller than wide: the frame is as high as a map gets, and wide enough to show its neighbours.
        Assert.Equal((MapLayout.MaxWidth, MapLayout.MaxHeight), (map.Width, map.Height));
        Assert.Contains(map.Paths, p => p.Layer == MapLayer.Neighbour);
    }

    [Fact]
    public void Fiji_across_the_180th_meridian_is_drawn_in_one_piece()
    {
        var proposal = new Proposal();
        proposal.Basics.Countries.Add(new CountryRef { Code = "FJ" });
        proposal.Basics.Locations.Add(new Location { Name = "Nadi", Latitude = -17.7765m, Longitude = 177.4356m });

        var map = Lay(proposal);

        // Fiji's islands span about 5° of longitude once turned; split at ±180 they would span 360°.
        var country = Assert.Single(map.Paths, p => p.Layer == MapLayer.Country);
        var xs = country.Parts.SelectMany(p => p).Select(p => p.X).ToList();
        Assert.True(xs.Min() > -30 && xs.Max() < map.Width + 30);
        Assert.InRange(map.Height, 300, MapLayout.MaxHeight);
    }

    [Fact]
    public void Without_a_country_coordinates_or_file_there_is_no_map()
    {
        Assert.Null(MapLayout.Lay(MapContent.Of(new Proposal()), WorldAtlas.Instance));
        Assert.True(MapContent.Of(new Proposal()).IsEmpty);
    }

    [Fact]
    public void The_svg_is_a_picture_with_a_title_and_none_of_the_users_text()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Basics.Locations[0].Name = "<script>alert(1)</script>";
        var content = MapContent.Of(proposal);

        var svg = MapSvg.Write(MapLayout.Lay(content, WorldAtlas.Instance)!, MapText.Title(content, CultureInfo.GetCultureInfo("en")));

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("Map of the project's locations in Ghana", root.Element(Svg + "title")!.Value);
        Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(content.Sites.Count, root.Elements(Svg + "circle").Count());
        Assert.Contains(root.Elements(Svg + "text"), t => t.Value == "Natural Earth");
    }

    [Fact]
    public void The_documents_picture_is_the_same_map_painted_larger()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var plain = Lay(proposal);
        var withFile = Lay(proposal, Shapes(MapFixtures.TamaleGeoJson));

        var picture = MapPicture.Paint(plain);

        Assert.Equal(((int)(plain.Width * MapPicture.Resolution), (int)(plain.Height * MapPicture.Resolution)), (picture.PixelWidth, picture.PixelHeight));
        Assert.True(Count(picture.Data, MapStyle.Site) > 0);
        // The map file's blue is drawn only when the file is.
        Assert.Equal(0, Count(picture.Data, MapStyle.Feature));
        Assert.True(Count(MapPicture.Paint(withFile).Data, MapStyle.Feature) > 0);
    }

    private static int Count(byte[] png, string colour)
    {
        using var bitmap = SKBitmap.Decode(png);
        var wanted = SKColor.Parse(colour);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) == wanted)
                    count++;
        return count;
    }
}
