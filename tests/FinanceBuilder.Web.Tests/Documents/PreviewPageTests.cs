using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Documents;

/// The on-screen preview: the proposal in the concept-note pack, in its own language.
public sealed class PreviewPageTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PreviewPageTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Theory]
    [InlineData("mitigation-tamale-solar-led.json", "A. Project/programme summary", "USD\u00A013,025,000")]
    [InlineData("adaptation-cotonou-drainage-fr.json", "A. Résumé du projet/programme", "40\u202F000\u202F000\u00A0USD")]
    public async Task Preview_ShowsTheConceptNote_InTheProposalsLanguage(string sample, string heading, string total)
    {
        var id = await browser.SeedSampleAsync(sample);
        var check = await browser.OpenAsync(Urls.CheckAnswers(id));
        var link = check.Get($"a[href='/proposals/{id}/preview/gcf-concept-note']");

        var page = await browser.OpenAsync(link.GetAttribute("href")!);

        var preview = page.Get("article.document-preview");
        Assert.Contains(heading, preview.QuerySelectorAll("h1").Select(h => h.TextContent));
        Assert.Contains(total, preview.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("nav.toc a[href='#s2']"));
        Assert.Null(preview.QuerySelector("nav.toc a[href='#s1']")); // the cover's title is not a section
        Assert.Null(preview.QuerySelector("script, img, link, iframe"));
    }

    [Fact]
    public async Task UnknownPack_OrProposal_IsNotFound()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/proposals/{id}/preview/no-such-pack")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/proposals/{Guid.NewGuid()}/preview/gcf-concept-note")).StatusCode);
    }
}
