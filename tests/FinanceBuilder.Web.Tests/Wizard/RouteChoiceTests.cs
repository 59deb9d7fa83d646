using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Documents;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The wizard's route question offers the routes a pack writes, as the new-proposal page does;
/// a proposal already on another route (an imported readiness request) keeps it.
public sealed class RouteChoiceTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public RouteChoiceTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public void OfferedRoutes_AreTheRoutesTheShippedPacksWrite()
    {
        var packs = new TemplatePacks(
            Options.Create(new FinanceBuilderOptions { TemplatesDirectory = Path.GetDirectoryName(PackTestKit.PackFolder("gcf-sap"))! }),
            NullLogger<TemplatePacks>.Instance);

        Assert.Equal(Enum.GetValues<Route>().Where(packs.Writes).Cast<object>().Order(), SetUpSteps.OfferedRoutes.Order());
    }

    [Fact]
    public async Task RouteQuestion_OffersThePackedRoutes_NotReadiness()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var page = await browser.OpenAsync(Urls.Step(id, "fund-and-route"));

        var offered = page.Document.QuerySelectorAll("[name='target.route'] option, input[name='target.route']")
            .Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal(["FundingProposal", "ConceptNote", "Sap", "Ppf"], offered);
    }

    [Fact]
    public async Task ProposalOnReadiness_KeepsItsRoute_WhenSavedUnchanged()
    {
        var json = Samples.ReadText("mitigation-tamale-solar-led.json").Replace("\"route\": \"fundingProposal\"", "\"route\": \"readiness\"", StringComparison.Ordinal);
        var id = await browser.SeedJsonAsync(json);

        var page = await browser.OpenAsync(Urls.Step(id, "fund-and-route"));
        await browser.SubmitStepAsync(id, "fund-and-route", "save", _ => { });

        Assert.Contains("Readiness", page.Document.QuerySelectorAll("[name='target.route'] option, input[name='target.route']").Select(o => o.GetAttribute("value")));
        Assert.Equal(Route.Readiness, (await browser.StoredAsync(id)).Proposal.Target.Route);
    }
}
