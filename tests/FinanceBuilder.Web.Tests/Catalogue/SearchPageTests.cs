using System.Net;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The public search page as a reader meets it: an address it does not understand in part, and a
/// country that has just had its first action published.
public sealed class SearchPageTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AnAddressWithValuesItDoesNotKnow_SearchesWithoutThem_AndSaysWhichWereLeftOut()
    {
        app.PublishDirectly(new Web.Catalogue.Model.CatalogueAction { Title = "Storm drainage in Tamale", Summary = "x", CountryCode = "GH" });
        using var reader = app.CreateBrowserClient();

        var response = await reader.GetAsync("/actions?q=drainage&focus=Bogus&p=two");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Part of this address was not understood and was left out of the search: focus=Bogus, p=two.", page.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Contains("Storm drainage in Tamale", page.QuerySelector(".catalogue-results")!.TextContent, StringComparison.Ordinal);
        Assert.Null(WizardBrowser.Parse(await reader.GetStringAsync("/actions?q=drainage")).QuerySelector(".notice"));
    }

    /// A reader narrows a country's actions to one of its regions: the regions with actions are
    /// offered once a country is chosen, the filter holds with words too (then no index answers
    /// alone), the API takes it, and an action's page links its own region. The suite runs this on
    /// both databases, with the same expected answers.
    [Fact]
    public async Task ARegionOfTheChosenCountry_NarrowsTheSearch_OnThePageTheApiAndFromAnAction()
    {
        var mangroves = app.PublishDirectly(new Web.Catalogue.Model.CatalogueAction { Title = "Mangroves of the Langue de Barbarie", Summary = "Mangrove planting", CountryCode = "SN", AdministrativeArea = "Région de Saint-Louis" });
        app.PublishDirectly(new Web.Catalogue.Model.CatalogueAction { Title = "Drainage of Saint-Louis island", Summary = "Storm drains", CountryCode = "SN", AdministrativeArea = "Région de Saint-Louis" });
        app.PublishDirectly(new Web.Catalogue.Model.CatalogueAction { Title = "Mangroves of the Saloum delta", Summary = "Mangrove planting", CountryCode = "SN", AdministrativeArea = "Fatick" });
        app.PublishDirectly(new Web.Catalogue.Model.CatalogueAction { Title = "Storm drainage in Tamale", Summary = "Storm drains", CountryCode = "GH", AdministrativeArea = "Northern" });
        using var reader = app.CreateBrowserClient();
        async Task<List<string>> TitlesAsync(string url) =>
            [.. WizardBrowser.Parse(await reader.GetStringAsync(url)).QuerySelectorAll(".catalogue-results h2").Select(h => h.TextContent.Trim()).Order(StringComparer.Ordinal)];

        var any = WizardBrowser.Parse(await reader.GetStringAsync("/actions"));
        Assert.Null(any.QuerySelector("#region"));
        Assert.Equal("Choose a country and search: its regions with actions are then listed.", any.QuerySelector("#country-hint")!.TextContent);
        var senegal = WizardBrowser.Parse(await reader.GetStringAsync("/actions?country=SN"));
        Assert.Equal(["Any", "Fatick (1)", "Région de Saint-Louis (2)"], senegal.QuerySelectorAll("#region option").Select(o => o.TextContent.Trim()));

        var region = CatalogueUrls.Region("SN", "Région de Saint-Louis");
        Assert.Equal(["Drainage of Saint-Louis island", "Mangroves of the Langue de Barbarie"], await TitlesAsync(region));
        Assert.Equal(["Mangroves of the Langue de Barbarie"], await TitlesAsync(region + "&q=mangrove"));
        Assert.Equal(["Mangroves of the Langue de Barbarie", "Mangroves of the Saloum delta"], await TitlesAsync("/actions?country=SN&q=mangrove"));
        // A region the list does not hold (a typed or outdated link) finds nothing, and says so.
        Assert.Empty(await TitlesAsync("/actions?country=SN&region=Kaolack"));
        Assert.Equal("Kaolack", WizardBrowser.Parse(await reader.GetStringAsync("/actions?country=SN&region=Kaolack")).QuerySelector("#region option[selected]")!.TextContent);

        var api = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/api/public/actions?region=" + Uri.EscapeDataString("Région de Saint-Louis")));
        Assert.Equal(2, api.RootElement.GetProperty("total").GetInt32());

        var action = WizardBrowser.Parse(await reader.GetStringAsync(CatalogueUrls.Action(mangroves)));
        Assert.Equal(region, action.QuerySelector(".action-meta a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ACountrysFirstPublishedAction_PutsItInTheCountryFilterAtOnce()
    {
        using var browser = new WizardBrowser(app);
        using var reader = app.CreateBrowserClient();
        Assert.Null(WizardBrowser.Parse(await reader.GetStringAsync("/actions")).QuerySelector("#country option[value=GH]"));

        var id = await browser.NewActionAsync(await browser.SeedSampleAsync("mitigation-tamale-solar-led.json"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(id)).StatusCode);

        Assert.NotNull(WizardBrowser.Parse(await reader.GetStringAsync("/actions")).QuerySelector("#country option[value=GH]"));
    }
}
