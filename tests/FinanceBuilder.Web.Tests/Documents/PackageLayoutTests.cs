using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Tests.Pdf;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// Every pack in both languages, read back from the PDF as a donor's reader would show it: text
/// inside the margins, no two lines on top of each other, "Page X of Y" right on every page, the
/// contents' page numbers and links equal to where the headings really are, and the results
/// framework's header above its rows on every page it spans.
public sealed class PackageLayoutTests
{
    public static TheoryData<string, string, Language> Cases()
    {
        var data = new TheoryData<string, string, Language>();
        foreach (var pack in new[] { "gcf-funding-proposal", "gcf-concept-note", "gcf-sap" })
        {
            data.Add(pack, "crosscutting-cuenca-watershed-bus.json", Language.En);
            data.Add(pack, "adaptation-cotonou-drainage-fr.json", Language.Fr);
        }
        return data;
    }

    private static readonly PdfLayoutChecks.Zones Zones = PdfLayoutChecks.Zones.FromMargins(
        DocumentTheme.Default.PageWidth, DocumentTheme.Default.PageHeight, DocumentTheme.Default.MarginTop, DocumentTheme.Default.MarginRight, DocumentTheme.Default.MarginBottom, DocumentTheme.Default.MarginLeft);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pdf_ReadsBackAsLaidOut(string pack, string sample, Language language)
    {
        var proposal = PackTestKit.Sample(sample, language);
        var lang = language == Language.Fr ? "fr" : "en";
        var package = await TestPackages.BuildAsync(Samples.ReadText(sample), pack, lang);
        var pdf = package.File("pdf")!.Content;

        PdfLayoutChecks.AssertLettersInsideMargins(pdf, Zones);
        PdfLayoutChecks.AssertNoOverlappingLines(pdf);
        PdfLayoutChecks.AssertFooters(pdf, lang == "fr" ? DocumentLabels.French.PageOfTotal : DocumentLabels.English.PageOfTotal);
        var document = PackTestKit.Read(pack, proposal);
        var toc = document.Blocks.ToList().FindIndex(b => b is TableOfContents);
        var headings = document.Blocks.Skip(toc + 1).OfType<Heading>().Where(h => h.Level <= 2).Select(h => PackTestKit.Text(h.Runs)).ToList();
        PdfLayoutChecks.AssertContentsPageNumbers(pdf, headings);
        Assert.Equal(headings.Count, PdfLayoutChecks.AssertContentsLinks(pdf));
        Assert.Equal(package.Pages, PdfLayoutChecks.PageTexts(pdf).Count);
    }

    [Fact]
    public async Task ResultsFramework_OverSeveralPages_RepeatsItsHeader()
    {
        var json = Samples.ReadText("crosscutting-cuenca-watershed-bus.json");
        var package = await TestPackages.BuildAsync(json, "gcf-funding-proposal", "en");

        // The output level has 13 indicators, more than a page of the results framework.
        PdfLayoutChecks.AssertTableHeaderOnEveryPage(package.File("pdf")!.Content, "Baseline", "^OP\\d", Zones);
    }
}
