using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Rendering;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FinanceBuilder.Templates.Tests.Docx;

/// The DOCX fits its tables as the PDF does: a budget over ten years gets years as rows, and a
/// table whose figures do not fit side by side gets a smaller text size on its runs.
public sealed class DocxTableFitTests
{
    [Fact]
    public void TenYearBudget_HasYearsAsRows_LikeThePdf()
    {
        var table = Render(Pdf.PdfSamples.TenYearBudget());

        var firstColumn = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().First().InnerText).ToList();
        Assert.Equal(["", "2027", "2028", "2029", "2030", "2031", "2032", "2033", "2034", "2035", "2036", "Total"], firstColumn);
        Assert.Equal(5, table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Count());
    }

    [Fact]
    public void WideFigures_ShrinkTheTableText()
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>>
        {
            Enumerable.Range(0, 6).Select(i => Cell("Year " + i)).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 999,999,999")).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 888,888,888")).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 777,777,777")).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 666,666,666")).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 555,555,555")).ToList(),
            Enumerable.Range(0, 6).Select(_ => Cell("USD 444,444,444")).ToList(),
        };

        var table = Render(new Table(rows, 1, []));

        var sizes = table.Descendants<W.Run>().Select(r => r.RunProperties?.FontSize?.Val?.Value).Distinct().ToList();
        var size = Assert.Single(sizes);
        Assert.True(int.Parse(size!, CultureInfo.InvariantCulture) < DocumentTheme.Default.TableSize * 2, $"size {size} half-points");
    }

    private static IReadOnlyList<TextRun> Cell(string text) => [new TextRun(text)];

    private static W.Table Render(Table table)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(new ContentDocument([table]), SampleDocuments.Info(draft: false), DocumentTheme.Default, stream);
        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        return (W.Table)docx.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single().CloneNode(true);
    }
}
