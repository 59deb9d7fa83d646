using FinanceBuilder.Web.Geography;

namespace FinanceBuilder.Web.Tests.Geography;

/// The bundled boundaries answer where a point is, with their ISO codes.
public class WorldAtlasTests
{
    private static readonly WorldAtlas Atlas = WorldAtlas.Instance;

    [Theory]
    [InlineData("GH", 9.4075, -0.8533)]    // Tamale
    [InlineData("BJ", 6.3703, 2.3912)]     // Cotonou, on the coast (within the tolerance if the generalised coast cuts it)
    [InlineData("EC", -2.9001, -79.0059)]  // Cuenca
    [InlineData("SN", 16.03, -16.505)]     // Langue de Barbarie, a sand spit 400 m wide
    [InlineData("FJ", -17.7765, 177.4356)] // Nadi, east of the 180th meridian's cut
    [InlineData("FJ", -16.79, -179.95)]    // Taveuni's tip, west of it
    [InlineData("SO", 9.56, 44.06)]        // Hargeisa: Natural Earth draws Somaliland apart, ISO counts it in Somalia
    public void A_place_is_in_its_country(string country, double latitude, double longitude) =>
        Assert.True(Atlas.Holds(country, new LonLat(longitude, latitude)), $"{latitude}, {longitude} should be in {country}");

    [Theory]
    [InlineData("GH", -0.8533, 9.4075)]   // Tamale with latitude and longitude swapped: in the Gulf of Guinea
    [InlineData("EC", -2.9001, 79.0059)]  // Cuenca with a lost minus sign: in the Indian Ocean
    [InlineData("EC", 2.9001, -79.0059)]  // Cuenca north of the equator: Colombia
    [InlineData("BJ", 6.37, -2.39)]       // Cotonou's longitude with the wrong sign: Ghana
    public void A_mistyped_place_is_not(string country, double latitude, double longitude) =>
        Assert.False(Atlas.Holds(country, new LonLat(longitude, latitude)));

    [Fact]
    public void Countries_are_known_by_their_alpha2_code()
    {
        Assert.True(Atlas.Knows("GH"));
        Assert.Equal("Ghana", Assert.Single(Atlas.Find("GH")).Name);
        Assert.True(Atlas.Knows("TV")); // Tuvalu: atolls a few hundred metres wide, drawn at 1:10 million
        Assert.False(Atlas.Knows("TK")); // Tokelau: not drawn
        Assert.False(Atlas.Knows(null));
        Assert.True(Atlas.Countries.Count(c => c.Code is not null) > 230);
    }

    [Fact]
    public void The_distance_to_a_country_is_in_degrees_of_latitude()
    {
        // Lomé lies in Togo a few kilometres east of the border with Ghana.
        var lome = new LonLat(1.2123, 6.1319);
        var ghana = Assert.Single(Atlas.Find("GH"));
        Assert.False(ghana.Contains(lome));
        Assert.InRange(ghana.DistanceTo(lome) * 111.32, 1, 40);
    }
}
