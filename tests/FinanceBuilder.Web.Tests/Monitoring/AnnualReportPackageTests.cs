using System.IO.Compression;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// The annual performance report's package as a team downloads it from a round: PDF, DOCX, a
/// workbook of values and financials, JSON and a manifest, in English and French, marked draft
/// while its checks find an error.
public sealed class AnnualReportPackageTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AnnualReportPackageTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<Guid> ReportedAsync()
    {
        var id = await browser.ApprovedAsync();
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        var rows = form.All.Where(f => f.Key.EndsWith(".Indicator", StringComparison.Ordinal)).Count();
        // Every indicator answered: values for the first two, no value with a reason for the rest.
        for (var r = 0; r < rows; r++)
        {
            if (r < 2)
            {
                form.Set($"Form.Rows[{r}].Value", r == 0 ? "1,200" : "1,900");
                form.Set($"Form.Rows[{r}].Source", "Meter readings");
            }
            else
            {
                form.Set($"Form.Rows[{r}].MissingReason", "Works not started");
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting/2025", form)).StatusCode);
        return id;
    }

    [Fact]
    public async Task TheZip_HoldsEveryFile_AndTheirFiguresAgree()
    {
        var id = await ReportedAsync();

        var response = await browser.Client.GetAsync($"/proposals/{id}/reporting/2025/report?file=zip&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.Name).ToList();
        Assert.Equal(5, names.Count);
        Assert.DoesNotContain(names, n => n.Contains("DRAFT", StringComparison.Ordinal));
        byte[] Read(string end)
        {
            using var stream = zip.Entries.Single(e => e.Name.EndsWith(end, StringComparison.Ordinal) && e.Name != "manifest.json").Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        using (var pdf = PdfDocument.Open(Read(".pdf")))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Annual performance report 2025", text, StringComparison.Ordinal);
            Assert.Contains("B. Results against the logical framework", text, StringComparison.Ordinal);
            Assert.Contains("Works not started", text, StringComparison.Ordinal);
            Assert.Contains("No problem found", text, StringComparison.Ordinal);
        }
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(Read("-values.xlsx")), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Indicator values", "Disbursements", "Spending", "Co-financing"], sheets);
        }
        using var json = JsonDocument.Parse(Read(".json"));
        var indicators = json.RootElement.GetProperty("indicators");
        Assert.Equal(23, indicators.GetArrayLength());
        Assert.Equal(1200m, indicators[0].GetProperty("actual").GetDecimal());
        Assert.False(json.RootElement.GetProperty("draft").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task AReportWithAnError_IsADraft_InFrench_Too()
    {
        var id = await browser.ApprovedAsync();

        var response = await browser.Client.GetAsync($"/proposals/{id}/reporting/2025/report?file=pdf&lang=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BROUILLON", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.OrdinalIgnoreCase);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Rapport annuel de performance 2025", text, StringComparison.Ordinal);
        Assert.Contains("APR-01", text, StringComparison.Ordinal);
        Assert.Contains("C1.1 est dû en 2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherYearsOrUnknownRound_Is404()
    {
        var id = await browser.ApprovedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/proposals/{id}/reporting/2040/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/proposals/{Guid.NewGuid()}/reporting/2025/report")).StatusCode);
    }
}
