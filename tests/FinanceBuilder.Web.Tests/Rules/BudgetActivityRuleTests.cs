using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// R-048 on Annex 4's third level: a cost item's activity exists and belongs to its output.
public sealed class BudgetActivityRuleTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> Activities(Proposal proposal) =>
        Validation.Validate(proposal).Findings.Where(f => f.MessageKey is "R-048.NoActivity" or "R-048.ActivityElsewhere").ToList();

    [Fact]
    public void ActivityOfTheLinesOutput_IsQuiet()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var line = proposal.Budget.Lines.First(l => l.OutputId == "1.1");
        line.ActivityId = "1.1.2";

        Assert.Empty(Activities(proposal));
    }

    [Fact]
    public void ActivityOfAnotherOutput_OrNoneAtAll_IsFound_OncePerItem()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        foreach (var line in proposal.Budget.Lines.Where(l => l.OutputId == "1.1"))
            line.ActivityId = "1.2.1";
        proposal.Budget.Lines.First(l => l.OutputId == "1.3").ActivityId = "9.9.9";

        var findings = Activities(proposal);

        var elsewhere = findings.Where(f => f.MessageKey == "R-048.ActivityElsewhere").ToList();
        Assert.Equal(proposal.Budget.Lines.Where(l => l.OutputId == "1.1").Select(l => l.Description).Distinct().Count(), elsewhere.Count);
        Assert.Equal("A budget line of output 1.1 refers to activity 1.2.1, which belongs to output 1.2.", RuleMessages.Render(elsewhere[0], new CultureInfo("en")));
        var missing = Assert.Single(findings, f => f.MessageKey == "R-048.NoActivity");
        Assert.Equal("Une ligne budgétaire renvoie à l’activité «\u00a09.9.9\u00a0», qui n’existe pas.", RuleMessages.Render(missing, new CultureInfo("fr")));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }
}
