using System.Globalization;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// A gender action plan may set institutional targets (communes, policies, budgets): R-065 asks
/// for a split by sex only where the target counts people, and the target carries its unit.
public sealed class GenderTargetTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static Proposal WithInstitutionalTarget(decimal? value, string? unit)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var action = proposal.Gender.ActionPlan[0];
        action.TargetKind = GenderTargetKind.Institutions;
        action.Target = null;
        action.TargetValue = value;
        action.TargetUnit = unit;
        return proposal;
    }

    private static List<Finding> R065(Proposal proposal) => Validation.Validate(proposal).Findings.Where(f => f.RuleId == "R-065").ToList();

    [Fact]
    public void InstitutionalTarget_WithItsFigureAndUnit_NeedsNoSplitBySex()
    {
        var proposal = WithInstitutionalTarget(12, "communes with a gender focal point");

        Assert.Empty(R065(proposal));
        var model = DocumentModel.For(proposal, Validation.Validate(proposal));
        var actions = (List<object>)((Dictionary<string, object?>)model["gender"]!)["actions"]!;
        Assert.Equal("12 communes with a gender focal point", ((Dictionary<string, object?>)actions[0])["target"]);
    }

    [Fact]
    public void InstitutionalTarget_WithoutItsUnit_IsAsked()
    {
        var finding = Assert.Single(R065(WithInstitutionalTarget(12, null)));

        Assert.Contains("Unit of the target", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("Unité de la cible", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void PeopleTarget_WithATotalOnly_IsAskedForTheSplit()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Gender.ActionPlan[0].Target = new PeopleCount { Total = 240 };

        var finding = Assert.Single(R065(proposal));
        Assert.Contains("Target", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
    }
}
