using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// A reduction computed outside FinanceBuilder is shown as the user typed it: with both an annual
/// and a lifetime figure, neither replaces the other, and R-041 says when they disagree.
public sealed class ReportedReductionTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// The Tamale sample with its LED measure reported from an appraisal instead of calculated.
    private static Proposal WithReported(decimal? annual, decimal? lifetime)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var measure = proposal.MitigationMeasures[1];
        measure.GridElectricity = null;
        measure.TechnicalLifeYears = 15;
        measure.Reported = new ReportedReduction { AnnualTco2e = annual, LifetimeTco2e = lifetime, Method = "IFI harmonised approach", Source = "AE appraisal, 2025" };
        return proposal;
    }

    private static EmissionResult Led(Proposal proposal) => Validation.Validate(proposal).Figures.Emissions[1];

    [Fact]
    public void BothFiguresTyped_AreBothKept_AsTyped()
    {
        var result = Led(WithReported(2_650, 39_000));

        Assert.Equal(2_650m, result.AverageAnnualTco2e);
        Assert.Equal(39_000m, result.LifetimeTco2e);
        Assert.Equal(15, result.CreditingYears);
    }

    [Theory]
    [InlineData(2_650, 39_750)] // exactly 2,650 × 15
    [InlineData(2_650, 39_800)] // 2,650 may stand for 2,645–2,655 a year: up to 39,825 in all
    public void AgreeingFigures_WithinTheirRounding_GiveNoFinding(int annual, int lifetime)
    {
        var findings = Validation.Validate(WithReported(annual, lifetime)).Findings;

        Assert.DoesNotContain(findings, f => f.MessageKey == "R-041.Reported");
    }

    [Fact]
    public void DisagreeingFigures_AreAnError_NamingBoth_InEnglishAndFrench()
    {
        var finding = Assert.Single(Validation.Validate(WithReported(2_651, 39_000)).Findings, f => f.MessageKey == "R-041.Reported");

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("$.mitigationMeasures[1].reported.lifetimeTco2e", finding.Paths.Single());
        Assert.Contains("39,000 tCO2e, is not its annual reduction times the crediting period (2,651 tCO2e × 15 years = 39,765 tCO2e)", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("39\u202F000 tCO2e", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void LifetimeAlone_IsSpreadOverTheYears_AndAnnualAlone_Multiplied()
    {
        var lifetimeOnly = Led(WithReported(null, 39_000));
        var annualOnly = Led(WithReported(2_650, null));

        Assert.Equal((2_600m, 39_000m), (lifetimeOnly.AverageAnnualTco2e, lifetimeOnly.LifetimeTco2e));
        Assert.Equal((2_650m, 39_750m), (annualOnly.AverageAnnualTco2e, annualOnly.LifetimeTco2e));
    }

    [Theory]
    [InlineData("4450", "10")]
    [InlineData("82100", "100")]
    [InlineData("12.75", "0.01")]
    [InlineData("12.50", "0.1")]
    [InlineData("7", "1")]
    [InlineData("0", "1")]
    public void Precision_IsTheUnitOfTheLastDigitWritten(string value, string unit) =>
        Assert.Equal(decimal.Parse(unit, CultureInfo.InvariantCulture), Precision.Unit(decimal.Parse(value, CultureInfo.InvariantCulture)));
}
