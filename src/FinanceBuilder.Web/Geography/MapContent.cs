using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Geography;

/// A site the user gave coordinates for: a location or a local government, numbered in the
/// order the location page lists them (the map marks the number, the caption names it).
public sealed record MapSite(int Number, string? Name, LonLat Position);

/// What a proposal's location map shows: its countries, the sites it gives coordinates for,
/// and the points, lines and areas of the map files attached to it (GeoJSON, KML, KMZ).
public sealed record MapContent(IReadOnlyList<string> Countries, IReadOnlyList<MapSite> Sites, IReadOnlyList<GeoShape> Shapes)
{
    /// More numbered sites than this and the map marks them without their numbers: a hundred
    /// labels on a country's outline hide one another (the caption still lists them).
    public const int MaxLabelledSites = 30;

    public static MapContent Of(Proposal proposal, IReadOnlyList<GeoShape>? shapes = null)
    {
        var b = proposal.Basics;
        var countries = b.Countries.Select(c => c.Code)
            .Concat(b.Locations.Select(l => l.CountryCode)).Concat(b.LocalGovernments.Select(l => l.CountryCode))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var sites = new List<MapSite>();
        foreach (var (name, latitude, longitude) in b.Locations.Select(l => (l.Name, l.Latitude, l.Longitude))
            .Concat(b.LocalGovernments.Select(l => (l.Name, l.Latitude, l.Longitude))))
        {
            if (latitude is { } lat && longitude is { } lon)
                sites.Add(new MapSite(sites.Count + 1, name, new LonLat((double)lon, (double)lat)));
        }
        return new MapContent(countries, sites, shapes ?? []);
    }

    /// Nothing the atlas or the user gives to draw.
    public bool IsEmpty => Sites.Count == 0 && Shapes.Count == 0 && !Countries.Any(WorldAtlas.Instance.Knows);

    /// The map files (GeoJSON, KML, KMZ) attached to any annex row, in the annex list's order.
    public static IEnumerable<AttachedFile> MapFiles(Proposal proposal) =>
        proposal.Annexes.SelectMany(a => a.Files).Where(f => f.Kind is FileKind.GeoJson or FileKind.Kml or FileKind.Kmz);

    /// Changes whenever what the map draws from the proposal changes (countries, coordinates,
    /// map files): the wizard's picture address carries it, so a saved change shows a new map.
    public static string Fingerprint(Proposal proposal)
    {
        var text = new StringBuilder();
        var content = Of(proposal);
        foreach (var country in content.Countries)
            text.Append(country).Append(';');
        foreach (var site in content.Sites)
            text.Append(CultureInfo.InvariantCulture, $"{site.Position.Lon},{site.Position.Lat};");
        foreach (var file in MapFiles(proposal))
            text.Append(file.Id).Append(';');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
