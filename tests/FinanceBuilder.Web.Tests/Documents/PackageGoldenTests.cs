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

[Trait("Database", "None")]
public sealed class PackageGoldenTests
{
    [Theory]
    [InlineData("gcf-funding-proposal", "en")]
    [InlineData("gcf-funding-proposal", "fr")]
    [InlineData("gcf-sap", "en")]
    [InlineData("gcf-sap", "fr")]
    [InlineData("gcf-concept-note", "en")]
    [InlineData("gcf-concept-note", "fr")]
    public async Task Documents_MatchTheGoldenFiles(string pack, string lang)
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText(GoldenFiles.Sample), pack, lang);

        var pages = PdfLayoutChecks.PageTexts(package.File("pdf")!.Content);
        var pdfText = new StringBuilder().Append("pages: ").Append(pages.Count).Append('\n');
        for (var i = 0; i < pages.Count; i++)
            pdfText.Append("\n=== page ").Append(i + 1).Append(" ===\n").Append(pages[i]).Append('\n');
        GoldenFiles.Check($"{pack}.{lang}.pdf.txt", pdfText.ToString());
        GoldenFiles.Check($"{pack}.{lang}.document.xml", DocxChecks.NormalizedDocumentXml(package.File("docx")!.Content).ReplaceLineEndings("\n"));
    }
}
