using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// "Within the SAP criteria" is what R-014 (GCF ceiling) and R-015 (E&S category) found in the
/// same check, with the ceiling of the proposal's template version — the wizard's SAP panel, the
/// SAP cover and the report's JSON all print this one value.
public sealed class SapCheckTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static Proposal Sap(decimal gcfUsd, EssCategory? category, string? templateVersion = null)
    {
        var proposal = RuleCases.Load(RuleCases.A);
        proposal.Financing.GcfInstruments.Clear();
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = gcfUsd, Currency = "USD" } });
        proposal.Safeguards.Screening = new EssScreening(); // nothing that excludes it from the SAP
        proposal.Safeguards.Category = category;
        proposal.Target.TemplateVersion = templateVersion;
        return proposal;
    }

    [Theory]
    [InlineData(25_000_000, EssCategory.C, null, true)]
    [InlineData(25_000_001, EssCategory.C, null, false)]
    [InlineData(10_000_000, EssCategory.I3, null, true)]
    [InlineData(10_000_000, EssCategory.B, null, false)]
    [InlineData(15_000_000, EssCategory.C, "GCF-SAP-PILOT", false)] // the pilot's ceiling is USD 10 million
    public void Within_IsWhatTheSapRulesFound(double gcf, EssCategory category, string? version, bool within)
    {
        var report = Validation.Validate(Sap((decimal)gcf, category, version), Route.Sap);

        Assert.Equal(within, report.Sap!.Within);
        Assert.Equal(!within, report.Findings.Any(f => f.RuleId is "R-014" or "R-015"));
        Assert.Equal(version is null ? 25_000_000m : 10_000_000m, report.Sap.CeilingUsd);
    }

    [Fact]
    public void Within_IsUnknown_UntilTheCategoryIsGiven_AndAbsentOutsideTheSapRoute()
    {
        Assert.Null(Validation.Validate(Sap(5_000_000, null), Route.Sap).Sap!.Within);
        Assert.Null(Validation.Validate(Sap(5_000_000, EssCategory.C), Route.FundingProposal).Sap);
    }
}
