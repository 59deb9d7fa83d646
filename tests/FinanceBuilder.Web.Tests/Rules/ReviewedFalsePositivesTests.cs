using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Rules.Catalogue;

namespace FinanceBuilder.Web.Tests.Rules;

/// Cases found by running real GCF proposals (FP085 Karachi BRT, SAP009 Lao cities) through
/// `validate`: each was a false positive or a missed problem before.
public sealed class ReviewedFalsePositivesTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static IEnumerable<Finding> Findings(Proposal p, Route route = Route.FundingProposal, string? rule = null) =>
        Validation.Validate(p, route).Findings.Where(f => rule is null || f.RuleId == rule);

    private static Proposal Titled(string title, string country)
    {
        var p = new Proposal();
        p.Basics.Title = title;
        p.Basics.Countries.Add(new CountryRef { Code = country });
        return p;
    }

    [Theory]
    [InlineData("Urban ecosystem-based adaptation in four cities of Lao PDR", "LA")]
    [InlineData("Resilient drainage in Abidjan, Cote d'Ivoire", "CI")]
    [InlineData("Resilient drainage in Abidjan, Côte d’Ivoire", "CI")]
    [InlineData("Clean buses for Bishkek, Kyrgyz Republic", "KG")]
    [InlineData("Drainage résilient à Cotonou, Bénin", "BJ")]
    public void Title_NamesTheCountry_UnderItsUsualNames(string title, string country) =>
        Assert.DoesNotContain(Findings(Titled(title, country), rule: "R-001"), f => f.MessageKey == "R-001.Country");

    [Theory]
    [InlineData("Solar mini-grids in Nigeria", "NE")]
    [InlineData("Flood protection in the Dominican Republic", "DM")]
    public void Title_ThatNamesAnotherCountry_IsFlagged(string title, string country) =>
        Assert.Contains(Findings(Titled(title, country), rule: "R-001"), f => f.MessageKey == "R-001.Country");

    [Fact]
    public void ImplementationMonths_CountTheEndDay()
    {
        Assert.Equal(72, R070ImplementationPeriod.Months(new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Equal(72, R070ImplementationPeriod.Months(new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1)));
        Assert.Equal(60, R070ImplementationPeriod.Months(new DateOnly(2027, 3, 31), new DateOnly(2032, 3, 31)));
    }

    [Fact]
    public void CategoryA_WithResettlement_NeedsTheResettlementPlan()
    {
        var p = RuleCases.Load(RuleCases.M);
        p.Safeguards.Category = EssCategory.A;
        p.Safeguards.Screening.LandAcquisitionOrResettlement = true;

        Assert.Contains(Findings(p, rule: "R-062"), f => f.MessageKey == "R-062.Resettlement");
        p.Annexes.Add(new Annex { Number = "18", Type = AnnexType.ResettlementPlan, Status = DocumentStatus.Final, Confidential = false });
        Assert.DoesNotContain(Findings(p, rule: "R-062"), f => f.MessageKey == "R-062.Resettlement");
    }

    [Fact]
    public void ConceptNote_IndicatorsAndLoanTerms_AreWarningsNotErrors()
    {
        var p = RuleCases.Load(RuleCases.M);
        p.Results.Indicators[0].BaselineValue = null;
        p.Financing.GcfInstruments.First(g => g.Instrument == FinancialInstrument.SeniorLoan).TenorYears = null;

        Assert.All(Findings(p, Route.ConceptNote).Where(f => f.RuleId is "R-045" or "R-032"), f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(Findings(p, Route.FundingProposal).Where(f => f.RuleId is "R-045" or "R-032"), f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void UnknownTemplateVersion_IsSaid_AndMissingCoFinancingStatus_IsAsked()
    {
        var p = RuleCases.Load(RuleCases.M);
        p.Target.TemplateVersion = "GCF-FP-V2.1";
        p.Financing.CoFinancing[0].Status = null;

        Assert.Contains(Findings(p, rule: "R-079"), f => f.MessageKey == "R-079.Unknown" && f.Severity == Severity.Warning);
        Assert.Contains(Findings(p, rule: "R-028"), f => f.MessageKey == "R-028.Status");
    }

    /// A published total without the split by sex counts as beneficiaries, and asks for the split.
    [Fact]
    public void BeneficiaryTotals_Count_AndAskForTheSplit()
    {
        var p = RuleCases.Load(RuleCases.A);
        foreach (var m in p.AdaptationMeasures)
        {
            m.Beneficiaries.Direct = new PeopleCount { Total = m.Beneficiaries.Direct.Known() };
            m.Beneficiaries.Indirect = new PeopleCount { Total = m.Beneficiaries.Indirect.Known() };
        }

        var report = Validation.Validate(p);

        Assert.Equal(244_000, report.Figures.DirectBeneficiaries);
        Assert.DoesNotContain(report.Findings, f => f.MessageKey == "R-042.Counts");
        Assert.Contains(report.Findings, f => f.MessageKey == "R-042.Split" && f.Severity == Severity.Warning);
    }
}
