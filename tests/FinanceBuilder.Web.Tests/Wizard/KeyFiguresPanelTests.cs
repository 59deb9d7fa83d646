using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Panels;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The key-figure panels say what the validation report says: a figure of a result area the
/// proposal has no measures in is "not applicable", never "not computed yet".
public sealed class KeyFiguresPanelTests
{
    private static string Panel(string sample, string panel)
    {
        var proposal = new ProposalReader().Read(Samples.Read(sample), CultureInfo.InvariantCulture).Proposal!;
        var report = new ProposalValidation(new RuleCatalogue(RuleSettings.Default)).Validate(proposal);
        return PanelRenderer.Render(new PanelBlock(panel), proposal, "", proposal, report, CultureInfo.GetCultureInfo("en"));
    }

    [Theory]
    [InlineData("keyFigures")]
    [InlineData("criterionFigures.efficiencyEffectiveness")]
    [InlineData("criterionFigures.impactPotential")]
    public void AdaptationProject_TonnesAndCostPerTonne_AreNotApplicable(string panel)
    {
        var html = Panel("adaptation-cotonou-drainage-fr.json", panel);

        Assert.Contains("Not applicable", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not computed yet", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MitigationProject_ShowsItsCostPerTonne()
    {
        var html = Panel("mitigation-tamale-solar-led.json", "keyFigures");

        Assert.Matches(@"Cost per tCO2e.*?USD [\d,]+\.\d\d", html);
        Assert.DoesNotContain("Not applicable", html, StringComparison.Ordinal);
    }
}
