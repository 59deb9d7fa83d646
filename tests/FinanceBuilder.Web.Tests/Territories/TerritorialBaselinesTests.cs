using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Territories;

/// A proposal takes its baselines from the shared library: the page offers the values of its
/// country and of its local governments (by name), and one button writes the value, its year and
/// its source into an indicator of the results framework, or into a new one. A proposal saved
/// meanwhile by someone else is not overwritten.
public sealed class TerritorialBaselinesTests : IClassFixture<CatalogueApp>, IDisposable
{
    private const string Values = IndicatorClient.Header + "\n"
        + "FB-POPULATION,GH,GH-0816,Tamale,2021,374744,\"Ghana Statistical Service, 2021 census\",2021-09-22,CC-BY-4.0\n"
        + "FB-POPULATION,GH,GH-0816,Tamale,2010,233252,Ghana Statistical Service,2012-05-01,CC-BY-4.0\n"
        + "FB-GHG-PER-CAPITA,GH,,,2020,0.61,National inventory,2022-03-01,CC0-1.0\n"
        + "FB-POPULATION,GH,GH-0101,Accra,2021,284124,Ghana Statistical Service,2021-09-22,CC-BY-4.0\n"
        + "FB-POPULATION,BJ,,,2021,12996895,INSAE,2022-01-01,CC-BY-4.0\n";

    private readonly AppFactory app;
    private readonly WizardBrowser browser;

    public TerritorialBaselinesTests(CatalogueApp shared)
    {
        app = shared.App;
        browser = new WizardBrowser(app);
    }

    public void Dispose() => browser.Dispose();

    private async Task<(Guid Proposal, WizardPage Page)> OpenAsync()
    {
        bool seeded;
        using (var db = app.OpenDb())
            seeded = db.IndicatorDatasets.Any(d => d.Name == "Ghana baselines");
        if (!seeded)
            Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadValuesAsync("Ghana baselines", Values)).StatusCode);
        var proposal = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        return (proposal, await browser.OpenAsync($"/proposals/{proposal}/baselines"));
    }

    private static IHtmlFormElement FormOf(WizardPage page, string heading) =>
        (IHtmlFormElement)page.Document.QuerySelectorAll("section.indicator-card")
            .Single(s => s.QuerySelector("h3")!.TextContent == heading && s.QuerySelector(".indicator-latest")!.TextContent.Contains("374,744", StringComparison.Ordinal))
            .QuerySelector("form")!;

    [Fact]
    public async Task TheValuesOfTheProposalsCountryAndTown_AreOffered_AndOneBecomesANewIndicatorWithItsSource()
    {
        var (proposal, page) = await OpenAsync();
        var text = page.Get("main").TextContent;
        Assert.Contains("Tamale (Ghana)", text, StringComparison.Ordinal);
        Assert.Contains("0.61", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Accra", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12,996,895", text, StringComparison.Ordinal);
        var before = (await browser.StoredAsync(proposal)).Proposal.Results.Indicators.Count;

        var form = FormFields.Read(FormOf(page, "Population"));
        var response = await browser.PostAsync($"/proposals/{proposal}/baselines?handler=Take", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var indicators = (await browser.StoredAsync(proposal)).Proposal.Results.Indicators;
        Assert.Equal(before + 1, indicators.Count);
        var added = indicators[^1];
        Assert.Equal("Population — Tamale", added.Name);
        Assert.Equal("people", added.Unit);
        Assert.Equal(374744m, added.BaselineValue);
        Assert.Equal(2021, added.BaselineYear);
        string workspace;
        using (var db = app.OpenDb())
            workspace = db.Organisations.First(o => o.Id == Web.Data.AccessScope.WorkspaceOrganisationId).Name;
        Assert.Equal($"Ghana Statistical Service, 2021 census, 2021-09-22 — {workspace}, CC-BY-4.0 (FB-POPULATION)", added.BaselineSource);
        var done = await browser.FollowAsync(response);
        Assert.Contains(added.Code, done.Get(".notice--success").TextContent, StringComparison.Ordinal);
        // The indicators page shows the source in its own field.
        var step = await browser.OpenAsync(Urls.Step(proposal, "indicators") + "?page=" + ((indicators.Count - 1) / 10 + 1));
        Assert.Contains(step.Document.QuerySelectorAll("input"), i => i.GetAttribute("value")?.StartsWith("Ghana Statistical Service, 2021 census", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AValue_FillsTheBaselineOfAnIndicatorThereIs_AndAStalePageChangesNothing()
    {
        var (proposal, page) = await OpenAsync();
        var form = FormFields.Read(FormOf(page, "Population"));
        form.Set("indicator", "O1.1");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{proposal}/baselines?handler=Take", form)).StatusCode);
        var stored = await browser.StoredAsync(proposal);
        var filled = stored.Proposal.Results.Indicators.Single(i => i.Code == "O1.1");
        Assert.Equal(374744m, filled.BaselineValue);
        Assert.Equal(2021, filled.BaselineYear);

        // The same form again: the proposal has moved on since that page was drawn.
        form.Set("indicator", "O1.2");
        var stale = await browser.PostAsync($"/proposals/{proposal}/baselines?handler=Take", form);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("saved by someone else", (await WizardPage.ReadAsync(stale)).Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal(stored.Version, await browser.StoredVersionAsync(proposal));
    }
}
