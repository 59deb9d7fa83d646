namespace FinanceBuilder.Web.Geography;

/// A position in degrees on WGS 84, the datum of GPS, GeoJSON and KML: longitude east of
/// Greenwich, latitude north of the equator.
public readonly record struct LonLat(double Lon, double Lat);

public enum GeoShapeKind { Point, Line, Area }

/// One thing a map file draws: points, a line, or an area given by its rings (outlines and
/// holes alike: areas are filled even-odd, so a hole needs no marking).
public sealed record GeoShape(GeoShapeKind Kind, IReadOnlyList<LonLat[]> Parts);
