using System.Net;
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
