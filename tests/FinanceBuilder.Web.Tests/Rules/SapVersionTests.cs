using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// The SAP pilot (to B.31: up to USD 10 million) and the updated SAP (B.32/05: up to USD 25
/// million) are two rule sets; a SAP is checked against its version's, named as its pack's
/// template version, and what excludes a project from the SAP is an error on that route.
public sealed class SapVersionTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// The Cotonou sample as a SAP of category C with a clean screening, asking <paramref name="gcfUsd"/>.
    private static Proposal Sap(string? version, decimal gcfUsd = 12_000_000)
    {
        var proposal = RuleCases.Load(RuleCases.A);
        proposal.Target.Route = Route.Sap;
        proposal.Target.TemplateVersion = version;
        proposal.Financing.GcfInstruments.Clear();
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = gcfUsd, Currency = "USD" } });
        proposal.Safeguards.Category = EssCategory.C;
        proposal.Safeguards.Screening = new EssScreening
        {
            LandAcquisitionOrResettlement = false,
            EconomicDisplacement = false,
            IndigenousPeoplesPresent = false,
            CriticalHabitatOrProtectedArea = false,
            CulturalHeritage = false,
            TransboundaryImpacts = false,
            SignificantWaste = false,
            CommunityHealthImpacts = false,
            IrreversibleImpacts = false,
        };
        return proposal;
    }

    [Fact]
    public void UpdatedSap_AllowsUsd12Million_ThePilotDoesNot()
    {
        var updated = Validation.Validate(Sap("GCF-SAP-FP-2022"));
        var pilot = Validation.Validate(Sap("GCF-SAP-PILOT"));

        Assert.Equal(("GCF-SAP-FP-2022", 25_000_000m, true), (updated.TemplateVersion, updated.Sap!.CeilingUsd, updated.Sap.Within));
        Assert.DoesNotContain(updated.Findings, f => f.RuleId == "R-014");
        Assert.Equal(("GCF-SAP-PILOT", 10_000_000m, false), (pilot.TemplateVersion, pilot.Sap!.CeilingUsd, pilot.Sap.Within));
        Assert.Contains(pilot.Findings, f => f.RuleId == "R-014" && f.Severity == Severity.Error);
    }

    /// A SAP without a declared version, or declaring a funding proposal's, is checked against
    /// the current SAP version — the SAP pack's template version — and R-079 says so.
    [Fact]
    public void SapWithoutItsVersion_IsCheckedAgainstTheCurrentSapRules()
    {
        var undeclared = Validation.Validate(Sap(null));
        var other = Validation.Validate(Sap("GCF-FP-V3.0"));

        Assert.Equal("GCF-SAP-FP-2022", undeclared.TemplateVersion);
        Assert.Equal("GCF-SAP-FP-2022", other.TemplateVersion);
        var warning = Assert.Single(other.Findings, f => f.MessageKey == "R-079.OtherRoute");
        Assert.Contains("GCF-FP-V3.0 belongs to another type of application", RuleMessages.Render(warning, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Equal("GCF-SAP-FP-2022", (RuleSettings.CurrentFor(Route.Sap) ?? RuleSettings.Default).TemplateVersion);
    }

    [Fact]
    public void PilotFile_ExtendsTheUpdatedSap_ChangingOnlyTheCeiling()
    {
        var pilot = RuleSettings.AllVersions["GCF-SAP-PILOT"];
        var updated = RuleSettings.AllVersions["GCF-SAP-FP-2022"];

        Assert.Equal(10_000_000m, pilot.Param("R-014", "maxGcfUsd", 0));
        Assert.Equal(updated.Param("R-016", "maxPages", 0), pilot.Param("R-016", "maxPages", 0));
        Assert.Equal(20m, pilot.Param("R-016", "maxPages", 0));
        Assert.Equal(updated.NotEligibleCountries, pilot.NotEligibleCountries);
        Assert.Equal([Route.Sap], pilot.Routes);
    }

    /// Irreversible impacts, economic displacement, cultural heritage… exclude a project from the
    /// SAP whatever its category: an error naming them (not advice), and "not within the SAP".
    [Theory]
    [InlineData("irreversibleImpacts")]
    [InlineData("economicDisplacement")]
    [InlineData("culturalHeritage")]
    [InlineData("transboundaryImpacts")]
    [InlineData("significantWaste")]
    [InlineData("communityHealthImpacts")]
    [InlineData("indigenousPeoplesPresent")]
    public void SapExclusion_IsAnError_WhateverTheCategory(string field)
    {
        var proposal = Sap("GCF-SAP-FP-2022", 5_000_000);
        typeof(EssScreening).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.SetValue(proposal.Safeguards.Screening, true);

        var report = Validation.Validate(proposal);

        var finding = Assert.Single(report.Findings, f => f.MessageKey == "R-015.Exclusion");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal($"$.safeguards.screening.{field}", finding.Paths.Single());
        Assert.False(report.Sap!.Within);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "R-061");
        Assert.Contains("quelle que soit sa catégorie", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void CleanSap_OfCategoryC_IsWithinTheSap()
    {
        var report = Validation.Validate(Sap("GCF-SAP-FP-2022", 5_000_000));

        Assert.True(report.Sap!.Within);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "R-014" or "R-015" or "R-061");
    }
}
