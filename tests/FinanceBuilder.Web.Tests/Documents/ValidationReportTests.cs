using System.Text.Json;
using FinanceBuilder.Templates.Tests.Pdf;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// The package's validation report: the findings of the pack's own type of application, and the
/// document's rendered length against the limits the length rules applied to it.
public sealed class ValidationReportTests
{
    [Fact]
    public async Task SapPackage_LongInPagesButNotInWords_IsWithinTheSapTemplate_AndChecksTheSapRules()
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText("crosscutting-cuenca-watershed-bus.json"), "gcf-sap", "en");

        Assert.True(package.Pages > 20 && package.Words < 10_000, $"{package.Pages} pages, {package.Words} words");
        var report = string.Join("\n", PdfLayoutChecks.PageTexts(package.File("report-pdf")!.Content));
        Assert.Contains("Length of the generated document", report, StringComparison.Ordinal);
        Assert.Contains("at most this many pages or this many words", report, StringComparison.Ordinal);
        Assert.DoesNotContain("The document is longer than the funder allows", report, StringComparison.Ordinal);
        Assert.DoesNotContain(package.Report.Findings, f => f.RuleId == "R-016");
        using var json = JsonDocument.Parse(package.File("report-json")!.Content);
        Assert.Equal("sap", json.RootElement.GetProperty("route").GetString());
        Assert.True(package.Draft); // USD 32.5 million asked: over the SAP ceiling, an error on this route
    }

    [Fact]
    public async Task ConceptNote_WithinItsLimit_SaysNothingAboutLength()
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText("adaptation-cotonou-drainage-fr.json"), "gcf-concept-note", "fr");

        var report = string.Join("\n", PdfLayoutChecks.PageTexts(package.File("report-pdf")!.Content));
        Assert.Contains("Longueur du document généré", report, StringComparison.Ordinal);
        Assert.True(package.Pages <= 12, $"{package.Pages} pages");
        Assert.DoesNotContain("dépasse la longueur", report, StringComparison.Ordinal);
        // An adaptation project's tonnes are "not applicable", as its concept note says, not "not yet computed".
        Assert.Contains("Sans objet", report, StringComparison.Ordinal);
        Assert.DoesNotContain("pas encore calculé", report, StringComparison.Ordinal);
    }

    /// A PPF request's total is its preparation: the report gives the size category as not
    /// applicable (R-010 is not run on this route), where a funding proposal's report names it.
    [Fact]
    public async Task PpfPackage_SaysTheSizeCategoryIsNotApplicable()
    {
        var ppf = await TestPackages.BuildAsync(Samples.ReadText("ppf-saint-louis-coastal-fr.json"), "gcf-ppf", "en");
        var fp = await TestPackages.BuildAsync(Samples.ReadText("mitigation-tamale-solar-led.json"), "gcf-funding-proposal", "en");

        static string SizeLine(byte[] pdf) => PdfLayoutChecks.PageTexts(pdf).SelectMany(p => p.Split('\n')).First(l => l.Contains("Size category", StringComparison.Ordinal));
        Assert.Contains("Not applicable", SizeLine(ppf.File("report-pdf")!.Content), StringComparison.Ordinal);
        Assert.Contains("Small", SizeLine(fp.File("report-pdf")!.Content), StringComparison.Ordinal);
        Assert.False(ppf.Draft);
    }
}
