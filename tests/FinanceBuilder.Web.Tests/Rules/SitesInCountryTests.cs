using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// R-081: a site whose coordinates fall outside its country is reported with the likely cause,
/// in the reader's language; sites in their country, or in a country the atlas does not draw,
/// are not.
public class SitesInCountryTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> Check(Proposal p) => Validation.Validate(p).Findings.Where(f => f.RuleId == "R-081").ToList();

    [Fact]
    public void The_samples_sites_are_in_their_countries()
    {
        foreach (var sample in new[] { RuleCases.M, RuleCases.A, RuleCases.X, RuleCases.P })
            Assert.Empty(Check(RuleCases.Load(sample)));
    }

    [Fact]
    public void Swapped_coordinates_are_reported_as_swapped()
    {
        var p = RuleCases.Load(RuleCases.M);
        (p.Basics.Locations[1].Latitude, p.Basics.Locations[1].Longitude) = (p.Basics.Locations[1].Longitude, p.Basics.Locations[1].Latitude);

        var finding = Assert.Single(Check(p));

        Assert.Equal(["$.basics.locations[1].latitude", "$.basics.locations[1].longitude"], finding.Paths);
        Assert.Equal("The coordinates of Tamale Central Market are outside Ghana (GH), its country, but inside it with the latitude and the longitude swapped. Swap them.",
            RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void A_lost_minus_sign_is_reported_with_the_distance_in_french()
    {
        var p = RuleCases.Load(RuleCases.A);
        p.Basics.Locations[0].Longitude = -p.Basics.Locations[0].Longitude;

        var finding = Assert.Single(Check(p));

        var text = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr"));
        Assert.StartsWith("Les coordonnées de Bassin versant Vossa–Kpodji", text, StringComparison.Ordinal);
        Assert.Contains("hors du Bénin (BJ), son pays", text, StringComparison.Ordinal);
        Assert.Matches(@"à environ \d{3}\u00a0km", text);
    }

    [Fact]
    public void A_local_government_without_a_country_is_checked_against_the_projects_countries()
    {
        var p = RuleCases.Load(RuleCases.M);
        p.Basics.LocalGovernments.Add(new LocalGovernment { Name = "Lomé", Latitude = 6.1319m, Longitude = 1.2123m + 0.5m });

        var finding = Assert.Single(Check(p));

        Assert.Equal($"$.basics.localGovernments[{p.Basics.LocalGovernments.Count - 1}].latitude", finding.Paths[0]);
    }

    [Fact]
    public void A_country_the_atlas_does_not_draw_is_not_checked()
    {
        var p = RuleCases.Load(RuleCases.M);
        p.Basics.Locations[0].CountryCode = "TK"; // Tokelau
        Assert.Empty(Check(p));
    }
}
