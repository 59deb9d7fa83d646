// Golden files of the generated documents, next to the Markdown ones (PackGoldenTests): for each
// pack and language, the PDF's text page by page (Documents/Golden/<pack>.<language>.pdf.txt, with
// the page count) and the DOCX body normalised (…document.xml). A change to the layout engine, a
// renderer, a template or the mapper shows up in review as a diff. After an intended change:
//     FB_UPDATE_GOLDEN=1 dotnet test tests/FinanceBuilder.Web.Tests --filter "FullyQualifiedName~GoldenTests"
// The clock is fixed; the layout depends on the fonts, which ./test.sh installs (Liberation Sans,
// DejaVu Sans), so another font set changes line breaks and these files.
using System.Text;
using FinanceBuilder.Templates.Tests.Docx;
using FinanceBuilder.Templates.Tests.Pdf;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

public sealed class PackageGoldenTests
{
    private const string GoldenSample = "mitigation-tamale-solar-led.json";

    private static string GoldenFile(string name) =>
        Path.Combine(Samples.RepositoryRoot, "tests", "FinanceBuilder.Web.Tests", "Documents", "Golden", name);

    [Theory]
    [InlineData("gcf-funding-proposal", "en")]
    [InlineData("gcf-funding-proposal", "fr")]
    [InlineData("gcf-sap", "en")]
    [InlineData("gcf-sap", "fr")]
    [InlineData("gcf-concept-note", "en")]
    [InlineData("gcf-concept-note", "fr")]
    public async Task Documents_MatchTheGoldenFiles(string pack, string lang)
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText(GoldenSample), pack, lang);

        var pages = PdfLayoutChecks.PageTexts(package.File("pdf")!.Content);
        var pdfText = new StringBuilder().Append("pages: ").Append(pages.Count).Append('\n');
        for (var i = 0; i < pages.Count; i++)
            pdfText.Append("\n=== page ").Append(i + 1).Append(" ===\n").Append(pages[i]).Append('\n');
        Compare($"{pack}.{lang}.pdf.txt", pdfText.ToString());
        Compare($"{pack}.{lang}.document.xml", DocxChecks.NormalizedDocumentXml(package.File("docx")!.Content).ReplaceLineEndings("\n"));
    }

    private static void Compare(string name, string actual)
    {
        var file = GoldenFile(name);
        if (Environment.GetEnvironmentVariable("FB_UPDATE_GOLDEN") == "1")
            File.WriteAllText(file, actual);
        Assert.True(File.Exists(file), $"{file} is missing: run the tests with FB_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            // Name the first line that differs: a whole document in an assertion message is unreadable.
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from line {line + 1}:\n expected: {(line < e.Length ? e[line] : "(end)")}\n actual:   {(line < a.Length ? a[line] : "(end)")}\nRegenerate with FB_UPDATE_GOLDEN=1 if the change is intended.");
        }
    }
}
