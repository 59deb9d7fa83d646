using System.Net;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Issue 17's page budget: a round's screen for a project of 40 indicators, every one answered
/// and one corrected, stays under 100 KB once gzipped (as the server sends it) — a municipality on
/// a slow link still opens it.
public sealed class ReportingScreenSizeTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ReportingScreenSizeTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// The Tamale sample with its framework grown to <paramref name="count"/> indicators.
    private static string WithIndicators(int count)
    {
        var node = JsonNode.Parse(Samples.ReadText(MonitoringKit.Sample))!;
        var indicators = node["results"]!["indicators"]!.AsArray();
        var originals = indicators.Select(i => i!.ToJsonString()).ToList();
        for (var n = indicators.Count; n < count; n++)
        {
            var copy = JsonNode.Parse(originals[n % originals.Count])!;
            copy["code"] = $"X{n + 1}";
            indicators.Add(copy);
        }
        return node.ToJsonString();
    }

    [Fact]
    public async Task ARoundOf40Indicators_IsUnder100KBGzipped()
    {
        var id = await browser.SeedJsonAsync(WithIndicators(40));
        Assert.Equal(HttpStatusCode.Redirect, (await Submissions.SubmissionClient.SubmitAsync(browser.Client, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ApproveAsync(id)).StatusCode);
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        var rows = form.All.Count(f => f.Key.EndsWith(".Indicator", StringComparison.Ordinal));
        Assert.True(rows >= 38, $"{rows} indicators due");
        for (var r = 0; r < rows; r++)
        {
            form.Set($"Form.Rows[{r}].Value", "1,250");
            form.Set($"Form.Rows[{r}].Source", "Municipal register of connections, verified by the implementing entity");
            form.Set($"Form.Rows[{r}].EvidenceReference", "https://tamale.example/evidence/register-2025.pdf");
            form.Set($"Form.Rows[{r}].Note", "Counted by the ward officers in December; two wards reported late.");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting/2025", form)).StatusCode);

        var html = await browser.Client.GetByteArrayAsync($"/proposals/{id}/reporting/2025");

        var packed = Gzip.Length(html);
        Assert.True(packed < 100 * 1024, $"{packed / 1024} KB gzipped ({html.Length / 1024} KB)");
        Console.WriteLine($"round of {rows} indicators: {html.Length / 1024} KB, {packed / 1024} KB gzipped");
    }
}
