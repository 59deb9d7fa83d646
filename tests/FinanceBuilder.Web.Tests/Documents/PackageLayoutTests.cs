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
[Trait("Database", "None")]
public sealed partial class PackageLayoutTests
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

    /// A proposal read from a file (the command line, the API's one-shot package) has no stored
    /// files, but its countries and coordinates still draw the location map in section A, and
    /// the DOCX carries the same picture with its text alternative.
    [Theory]
    [InlineData("gcf-funding-proposal", "en", "Map of the project's locations in Ghana", "A.18", "A.19")]
    [InlineData("gcf-sap", "fr", "Carte des lieux du projet au Ghana", "A.1.19", "A.2")]
    public async Task AProposalFromAFile_HasItsLocationMap_InSectionA(string pack, string lang, string caption, string before, string after)
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText("mitigation-tamale-solar-led.json"), pack, lang);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(package.File("pdf")!.Content);
        var page = pdf.GetPages().Single(p => p.GetImages().Any() && string.Join(" ", p.GetWords().Select(w => w.Text)).Contains(caption, StringComparison.Ordinal));
        var all = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var at = all.IndexOf(caption, StringComparison.Ordinal);
        Assert.True(all.LastIndexOf(before, at, StringComparison.Ordinal) >= 0 && at < all.IndexOf(after, at, StringComparison.Ordinal), $"The map is between {before} and {after}.");
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(package.File("docx")!.Content), false);
        Assert.Contains(docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(),
            d => d.Description?.Value?.StartsWith(caption, StringComparison.Ordinal) == true);
    }

    /// A date is one token: the timetable's narrow End column printed "Mar" on one line and "2027"
    /// on the next until month and year were held together.
    [Fact]
    public async Task TimetableDates_NeverBreakAcrossLines()
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText("mitigation-tamale-solar-led.json"), "gcf-funding-proposal", "en");
        var lines = PdfLayoutChecks.Lines(package.File("pdf")!.Content).Select(l => l.Text).ToList();
        // The heading itself, not its line in the table of contents.
        var start = lines.FindLastIndex(l => l.StartsWith("E.5 Activities", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l.StartsWith("E.6", StringComparison.Ordinal));
        var timetable = lines[start..end];

        Assert.True(timetable.Count(l => MonthAndYear().IsMatch(l)) > 10, "the timetable's dates were not found:\n" + string.Join("\n", timetable.Take(12)));
        var broken = timetable.Where(l => BareMonth().IsMatch(l)).ToList();
        Assert.True(broken.Count == 0, "A month without its year on the line:\n" + string.Join("\n", broken));
    }

    [Fact]
    public async Task SapTimetable_MilestoneWithoutActivity_IsNotUnanswered()
    {
        // Tamale's SAP timetable has milestones that belong to no activity (effectiveness, completion):
        // their Activity cell is empty, not "Not answered" as if the officer had skipped it.
        var package = await TestPackages.BuildAsync(Samples.ReadText("mitigation-tamale-solar-led.json"), "gcf-sap", "en");
        var lines = PdfLayoutChecks.Lines(package.File("pdf")!.Content).Select(l => l.Text).ToList();
        var start = lines.FindLastIndex(l => l.StartsWith("C.4 Timetable", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l.StartsWith("C.5", StringComparison.Ordinal) || l.StartsWith("D.", StringComparison.Ordinal));
        var timetable = lines[start..end];

        var effective = Assert.Single(timetable, l => l.StartsWith("Funded activity agreement effective", StringComparison.Ordinal));
        Assert.DoesNotContain("Not", effective, StringComparison.Ordinal);
        Assert.DoesNotContain(timetable, l => l.Trim() == "answered");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \u00A0]\d{4}\b")]
    private static partial System.Text.RegularExpressions.Regex MonthAndYear();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?![ \u00A0]\d{4})")]
    private static partial System.Text.RegularExpressions.Regex BareMonth();

    [Fact]
    public async Task ResultsFramework_OverSeveralPages_RepeatsItsHeader()
    {
        var json = Samples.ReadText("crosscutting-cuenca-watershed-bus.json");
        var package = await TestPackages.BuildAsync(json, "gcf-funding-proposal", "en");

        // The output level has 13 indicators, more than a page of the results framework.
        PdfLayoutChecks.AssertTableHeaderOnEveryPage(package.File("pdf")!.Content, "Baseline", "^OP\\d", Zones);
    }
}
