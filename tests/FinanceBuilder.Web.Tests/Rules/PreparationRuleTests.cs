using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// R-035 on a PPF request beyond its ceilings: the funding proposal within 24 months of the PPF,
/// the activities' PPF costs equal to the amount requested; and the project rules (size,
/// results framework) that a PPF request is not asked to meet.
public sealed class PreparationRuleTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> R035(Proposal proposal) =>
        Validation.Validate(proposal, Route.Ppf).Findings.Where(f => f.RuleId == "R-035").ToList();

    [Fact]
    public void Sample_KeepsTheScheduleAndItsActivitiesAddUp()
    {
        Assert.Empty(R035(RuleCases.Load(RuleCases.P)));
    }

    [Theory]
    [InlineData(24, false)]
    [InlineData(30, true)]
    public void FundingProposal_MoreThan24MonthsAfter_IsAWarning(int months, bool found)
    {
        var proposal = RuleCases.Load(RuleCases.P);
        proposal.Ppf.PreparationMonths = months;

        var late = R035(proposal).Where(f => f.MessageKey == "R-035.Late").ToList();

        Assert.Equal(found, late.Count == 1);
        Assert.All(late, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(late, f => Assert.Equal(["$.ppf.preparationMonths"], f.Paths));
    }

    [Fact]
    public void ActivitiesCostingOtherThanTheRequest_IsAWarning_NamingBothAmounts()
    {
        var proposal = RuleCases.Load(RuleCases.P);
        proposal.Ppf.Activities[0].Cost = new Money { Amount = 300_000, Currency = "USD" }; // 40,000 more than the request

        var finding = Assert.Single(R035(proposal));

        Assert.Equal("R-035.Activities", finding.MessageKey);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("USD 760,000", RuleMessages.Render(finding, new System.Globalization.CultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("USD 720,000", RuleMessages.Render(finding, new System.Globalization.CultureInfo("en")), StringComparison.Ordinal);
    }

    /// An activity cost in XOF counts once converted; one that cannot be converted suspends the comparison.
    [Fact]
    public void ActivityCosts_InAnotherCurrency_AreConverted()
    {
        var proposal = RuleCases.Load(RuleCases.P);
        proposal.Ppf.Activities[5].Cost = new Money { Amount = 50_000 * 565.5m, Currency = "XOF" };
        Assert.Empty(R035(proposal));

        proposal.Ppf.Activities[5].Cost = new Money { Amount = 1, Currency = "JPY" };
        Assert.Empty(R035(proposal));
    }

    /// Size, results framework and beneficiaries are the project's, which the PPF prepares.
    [Theory]
    [InlineData("R-010")]
    [InlineData("R-042")]
    [InlineData("R-048")]
    public void ProjectRules_DoNotApplyToAPpfRequest(string ruleId)
    {
        var rule = RuleCatalogue.All.Single(r => r.Id == ruleId);

        Assert.DoesNotContain(Route.Ppf, rule.Routes);
        Assert.Contains(Route.ConceptNote, rule.Routes);
    }
}
