using System.Text.Json.Nodes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Documents;

/// The calculator's figure is the document's figure: the project totals the mitigation page
/// shows are printed, character for character, in every pack that prints them; a measure
/// that still misses an input is counted by neither.
public sealed class EmissionFigureTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public EmissionFigureTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Theory]
    [InlineData("gcf-funding-proposal")]
    [InlineData("gcf-concept-note")]
    public async Task TheMitigationPagesTotals_AreTheDocumentsFigures(string pack)
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var (annual, lifetime) = await TotalsAsync(id);
        Assert.Matches(@"^\d{1,3}(,\d{3})* tCO2e$", annual);

        var preview = (await browser.OpenAsync($"/proposals/{id}/preview/{pack}")).Get("article.document-preview").TextContent;

        Assert.Contains(Figure(annual), preview, StringComparison.Ordinal);
        Assert.Contains(Figure(lifetime), preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeasureMissingAnInput_IsCountedByNeither_AndThePageSaysSo()
    {
        var json = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        var complete = await TotalsAsync(await browser.SeedJsonAsync(json.ToJsonString()));
        var measures = json["mitigationMeasures"]!.AsArray();
        Assert.True(measures.Count > 1);
        // Remove every input of the last measure's method: it can no longer be computed.
        var last = measures[^1]!.AsObject();
        foreach (var key in last.Select(p => p.Key).Where(k => k is "gridElectricity" or "buildings" or "transport" or "wastewater" or "treePlanting" or "reported").ToList())
            last.Remove(key);
        var id = await browser.SeedJsonAsync(json.ToJsonString());

        var page = await browser.OpenAsync(Urls.Step(id, "mitigation"));
        var (annual, lifetime) = Totals(page);
        Assert.NotEqual(complete.Annual, annual);
        Assert.Contains($"Measures counted: {measures.Count - 1} of {measures.Count}", page.Get("[data-live='panel:emissionTotals']").TextContent, StringComparison.Ordinal);
        var preview = (await browser.OpenAsync($"/proposals/{id}/preview/gcf-funding-proposal")).Get("article.document-preview").TextContent;
        Assert.Contains(Figure(annual), preview, StringComparison.Ordinal);
        Assert.Contains(Figure(lifetime), preview, StringComparison.Ordinal);
    }

    private async Task<(string Annual, string Lifetime)> TotalsAsync(Guid id) => Totals(await browser.OpenAsync(Urls.Step(id, "mitigation")));

    private static (string Annual, string Lifetime) Totals(WizardPage page)
    {
        var values = page.Get("[data-live='panel:emissionTotals']").QuerySelectorAll("dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(2, values.Count);
        return (values[0], values[1]);
    }

    /// "2,912" of "2,912 tCO2e": the documents say the unit in the row's label.
    private static string Figure(string tonnes) => tonnes[..tonnes.IndexOf(' ', StringComparison.Ordinal)];
}
