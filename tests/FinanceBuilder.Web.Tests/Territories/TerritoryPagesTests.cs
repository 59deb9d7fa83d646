using System.Net;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Features.Territories;
using FinanceBuilder.Web.Tests.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Territories;

/// The public pages of territories: a country lists its actions, a commune (by its official
/// code) the actions that cover it; the map shades and links the countries that have actions;
/// a place nobody published anything about is not found; every public page stays light.
public sealed class TerritoryPagesTests : IClassFixture<CatalogueApp>, IDisposable
{
    private readonly AppFactory app;
    private readonly HttpClient reader;

    public TerritoryPagesTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task ACountryAndACommune_ListTheirActions_AndTheMapLinksTheCountry()
    {
        var cotonou = app.PublishDirectly(new CatalogueAction
        {
            Title = "Drainage of Cotonou",
            Summary = "Storm drains.",
            CountryCode = "BJ",
            Communes = [new ActionCommune { Name = "Cotonou", Code = "BJ-0801" }, new ActionCommune { Name = "Abomey-Calavi", Code = "BJ-0601" }],
        });
        var porto = app.PublishDirectly(new CatalogueAction { Title = "Porto-Novo lagoon", Summary = "Mangroves.", CountryCode = "BJ", Communes = [new ActionCommune { Name = "Porto-Novo", Code = "BJ-1001" }] });
        var gone = app.PublishDirectly(new CatalogueAction { Title = "Withdrawn drains", Summary = "x", CountryCode = "BJ", Communes = [new ActionCommune { Name = "Cotonou", Code = "BJ-0801" }] }, withdrawn: true);

        var country = await reader.GetStringAsync("/territories/BJ");
        Assert.Contains($"/actions/{cotonou}", country, StringComparison.Ordinal);
        Assert.Contains($"/actions/{porto}", country, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{gone}", country, StringComparison.Ordinal);

        var commune = await reader.GetAsync("/territories/BJ/BJ-0801");
        Assert.Equal(HttpStatusCode.OK, commune.StatusCode);
        var html = await commune.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Cotonou (Benin)</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"/actions/{cotonou}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{porto}", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/territories/BJ/BJ-9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/territories/XZ")).StatusCode);
        var lower = await reader.GetAsync("/territories/bj");
        Assert.Equal(HttpStatusCode.MovedPermanently, lower.StatusCode);
        Assert.Equal("/territories/BJ", lower.Headers.Location!.OriginalString);

        // The counts behind the map are read once a minute; this app's were read by another test.
        app.Services.GetRequiredService<TerritoryCounts>().Forget();
        var map = WizardBrowser.Parse(await reader.GetStringAsync("/territories"));
        var benin = map.QuerySelector("svg.action-map a[href='/territories/BJ']");
        Assert.NotNull(benin);
        Assert.Contains("Benin: ", benin!.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Null(map.QuerySelector("svg.action-map a[href='/territories/AQ']"));
        Assert.NotNull(map.QuerySelector("table a[href='/territories/BJ']"));
    }

    /// A region with its official code has its own page, as a commune does; the country's page
    /// lists its regions with actions, each a link to the catalogue's search for it; an action's
    /// page links both.
    [Fact]
    public async Task ARegion_HasItsPageByItsCode_AndTheCountryListsItsRegions()
    {
        var savanes = app.PublishDirectly(new CatalogueAction { Title = "Dapaong water points", Summary = "Boreholes.", CountryCode = "TG", AdministrativeArea = "Région des Savanes", AdministrativeAreaCode = "TG-S" });
        var maritime = app.PublishDirectly(new CatalogueAction { Title = "Lomé coastal defence", Summary = "Groynes.", CountryCode = "TG", AdministrativeArea = "Région Maritime" });
        app.Services.GetRequiredService<TerritoryCounts>().Forget();

        var region = await reader.GetAsync("/territories/TG/TG-S");
        Assert.Equal(HttpStatusCode.OK, region.StatusCode);
        var page = WizardBrowser.Parse(await region.Content.ReadAsStringAsync());
        Assert.Equal("Région des Savanes (Togo)", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/actions/{savanes}']"));
        Assert.Null(page.QuerySelector($"a[href='/actions/{maritime}']"));

        var country = WizardBrowser.Parse(await reader.GetStringAsync("/territories/TG"));
        var regions = country.QuerySelectorAll("h2").Single(h => h.TextContent == "Regions with actions").NextElementSibling!;
        Assert.Equal(["Région des Savanes (1 action)", "Région Maritime (1 action)"], regions.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal(CatalogueUrls.Region("TG", "Région Maritime"), regions.QuerySelectorAll("a").Single(a => a.TextContent == "Région Maritime").GetAttribute("href"));

        var action = WizardBrowser.Parse(await reader.GetStringAsync(CatalogueUrls.Action(savanes)));
        Assert.Equal([CatalogueUrls.Region("TG", "Région des Savanes"), "/territories/TG/TG-S"], action.QuerySelectorAll(".action-meta a").Select(a => a.GetAttribute("href")));
    }

    /// A place with more actions than its page lists links the search for all of them, which the
    /// API answers too.
    [Fact]
    public async Task APlaceWithManyActions_LinksTheSearchForAllOfThem()
    {
        for (var i = 0; i < TerritoryQuery.MaxActions + 2; i++)
            app.PublishDirectly(new CatalogueAction { Title = $"Niamey borehole {i}", Summary = "Water.", CountryCode = "NE", Communes = [new ActionCommune { Name = "Niamey I", Code = "NE-8-1" }] });
        app.PublishDirectly(new CatalogueAction { Title = "Zinder market", Summary = "Shade.", CountryCode = "NE", Communes = [new ActionCommune { Name = "Zinder", Code = "NE-7-1" }] });

        var page = WizardBrowser.Parse(await reader.GetStringAsync("/territories/NE/NE-8-1"));
        var all = page.QuerySelectorAll("a").Single(a => a.TextContent == $"See all {TerritoryQuery.MaxActions + 2} actions in the search");
        Assert.Equal(CatalogueUrls.Place("NE", "NE-8-1"), all.GetAttribute("href"));

        var search = WizardBrowser.Parse(await reader.GetStringAsync(CatalogueUrls.Place("NE", "NE-8-1")));
        Assert.Equal($"{TerritoryQuery.MaxActions + 2} actions found", search.QuerySelector(".count")!.TextContent);
        Assert.Equal("NE-8-1", search.QuerySelector("input[type=hidden][name=place]")!.GetAttribute("value"));
        var api = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/api/public/actions?place=NE-7-1"));
        Assert.Equal(1, api.RootElement.GetProperty("total").GetInt32());
    }

    /// A country's places are paged by the API in the database, by code, every one of them (a
    /// French catalogue has 35,000 communes; the page lists the first 500).
    [Fact]
    public async Task ACountrysPlaces_ArePagedByCode_AllOfThem()
    {
        using var browser = new WizardBrowser(app);
        var csv = IndicatorClient.Header + "\n" + string.Join("\n", new[] { "ML-3", "ML-1", "ML-2" }.Select(code => $"FB-POPULATION,ML,{code},Place {code},2022,1000,INSTAT,2023-01-01,CC-BY-4.0")) + "\n";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadValuesAsync("Mali places", csv)).StatusCode);

        var first = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/api/public/territories?country=ML&pageSize=2")).RootElement;
        var second = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/api/public/territories?country=ML&pageSize=2&page=2")).RootElement;

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(["ML-1", "ML-2", "ML-3"], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(t => t.GetProperty("code").GetString()));
    }

    /// Every public JSON answer and file carries the shared caching policy: a shared cache may keep
    /// it but asks again before each use, so a withdrawn action leaves it at once.
    [Theory]
    [InlineData("/api/public/actions")]
    [InlineData("/api/public/actions?changedSince=2000-01-01T00:00:00Z")]
    [InlineData("/api/public/territories")]
    [InlineData("/api/public/territories/BJ")]
    [InlineData("/api/public/indicators")]
    [InlineData("/api/public/indicators/values")]
    [InlineData("/open-data/territorial-indicators/definitions.csv")]
    public async Task EveryPublicAnswer_CarriesTheSharedCachingPolicy(string url)
    {
        app.PublishDirectly(new CatalogueAction { Title = "Cotonou drains", Summary = "x", CountryCode = "BJ" });

        var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, no-cache", response.Headers.CacheControl!.ToString());
    }

    /// Every public page, gzipped as a server sends it, under 100 KB (the map included).
    [Fact]
    public async Task ThePublicPages_WeighLessThan100KilobytesGzipped()
    {
        var id = app.PublishDirectly(new CatalogueAction
        {
            Title = "Solar street lights",
            Summary = string.Concat(Enumerable.Repeat("Lights along the market roads. ", 100)),
            CountryCode = "GH",
            Communes = [.. Enumerable.Range(1, CatalogueAction.MaxCommunes).Select(i => new ActionCommune { Name = "Commune " + i, Code = "GH-" + i })],
        });
        foreach (var url in new[] { "/territories", "/territories/GH", "/territories/GH/GH-1", "/actions", $"/actions/{id}", "/indicators" })
        {
            var bytes = await reader.GetByteArrayAsync(url);
            var packed = Gzip.Length(bytes);
            Assert.True(packed < 100 * 1024, $"{url}: {packed / 1024} KB gzipped ({bytes.Length / 1024} KB)");
        }
    }
}
