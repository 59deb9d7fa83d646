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

    /// The risk register: one table per risk factor, one after the other, each sized by its own
    /// text, would move its column edge from table to table. A run of tables with the same columns
    /// shares its widths, in the DOCX as in the PDF; a table of other columns keeps its own.
    [Fact]
    public void RunOfTablesWithTheSameColumns_SharesItsColumnWidths()
    {
        static Table Risk(string label, string text) => new(
        [
            [Cell(label), Cell("Technical and operational risks")],
            [Cell("Description"), Cell(text)],
            [Cell("Mitigation measures"), Cell(text + " " + text)],
        ], 1, []);
        var tables = new ContentBlock[]
        {
            Risk("Risk factor 1", "Late release of rights of way."),
            Risk("Risk factor 2", "Clogging of drains by solid waste and sand, reducing their capacity to carry water away."),
            new Table([[Cell("Year"), Cell("Amount"), Cell("Share")], [Cell("2027"), Cell("USD 1,000"), Cell("10 %")]], 1, []),
        };
        using var stream = new MemoryStream();

        DocxRenderer.Render(new ContentDocument(tables), SampleDocuments.Info(draft: false), DocumentTheme.Default, stream);

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var grids = document.MainDocumentPart!.Document.Body!.Elements<W.Table>()
            .Select(t => t.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => g.Width!.Value).ToList()).ToList();
        Assert.Equal(grids[0], grids[1]);
        Assert.Equal(3, grids[2].Count);

        var theme = DocumentTheme.Default;
        Templates.Pdf.FontResolver.Install();
        using var shaper = new Templates.Pdf.Layout.TextShaper(Templates.Pdf.FontResolver.FindFamily(theme.FontFamilies), Templates.Pdf.FontResolver.InstalledFamilies(theme.FallbackFamilies));
        var alone = tables.Take(2).Select(t => Templates.Pdf.Layout.TableLayout.Fit((Table)t, shaper, theme, theme.ContentWidth).Widths).ToList();
        var shared = Templates.Pdf.Layout.TableLayout.FitGroup([.. tables.Take(2).Cast<Table>()], shaper, theme, theme.ContentWidth);
        Assert.NotEqual(alone[0], alone[1]); // on their own they differ
        Assert.Equal(shared[0].Widths, shared[1].Widths);
        Assert.All(shared, l => Assert.False(l.Cuts));
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

    /// The property test of the PDF, on the DOCX: random budget tables (1–12 years, amounts to
    /// 10^12, long French and English words). Word lays text out with the same fonts, so a token
    /// is whole when its cell's grid column holds it at the run's size, padding included.
    [Fact]
    public void RandomBudgetTables_GiveEveryTokenItsWidth()
    {
        var random = new Random(20261205);
        var theme = DocumentTheme.Default;
        Templates.Pdf.FontResolver.Install();
        using var shaper = new Templates.Pdf.Layout.TextShaper(Templates.Pdf.FontResolver.FindFamily(theme.FontFamilies), Templates.Pdf.FontResolver.InstalledFamilies(theme.FallbackFamilies));
        var problems = new List<string>();
        for (var run = 0; run < 60; run++)
        {
            var years = random.Next(1, 13);
            var digits = random.Next(4, 14);
            var (table, tokens) = Pdf.TableTokenTests.RandomTable(random, years, digits, french: run % 2 == 1);
            var (docx, landscape) = RenderDocument(table);
            var grid = docx.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => double.Parse(g.Width!.Value!, CultureInfo.InvariantCulture) / 20).ToList();
            var total = grid.Sum();
            var room = (landscape ? theme.PageHeight : theme.PageWidth) - theme.MarginLeft - theme.MarginRight;
            if (total > room + 1)
                problems.Add($"run {run}: the table is {total:F0} pt wide on a page of {room:F0} pt");
            foreach (var row in docx.Elements<W.TableRow>())
            {
                var cells = row.Elements<W.TableCell>().ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    var halfPoints = cells[c].Descendants<W.Run>().Select(r => r.RunProperties?.FontSize?.Val?.Value).Where(v => v is not null).Select(v => (double?)double.Parse(v!, CultureInfo.InvariantCulture)).FirstOrDefault() ?? theme.TableSize * 2;
                    var bold = cells[c].Descendants<W.Run>().Any(r => r.RunProperties?.Bold is not null) || row.TableRowProperties?.GetFirstChild<W.TableHeader>() is not null;
                    foreach (var token in cells[c].InnerText.Replace('\u00A0', '\u0001').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var text = token.Replace('\u0001', '\u00A0');
                        var width = Templates.Pdf.Layout.TextShaper.Width(shaper.Shape(text, bold ? 1 : 0, halfPoints / 2)) + theme.CellPadding * 2;
                        if (width > grid[c] + 0.5)
                            problems.Add($"run {run} ({years} years, {digits} digits): '{text}' needs {width:F1} pt, its column has {grid[c]:F1}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// A table the PDF turns onto a landscape page is its own landscape section in the DOCX,
    /// between two portrait ones, and the document still validates.
    [Fact]
    public void WideTable_IsALandscapeSection()
    {
        var (table, _) = Pdf.TableTokenTests.RandomTable(new Random(7), 12, 12, french: true, rowCount: 8);

        using var stream = new MemoryStream();
        DocxRenderer.Render(new ContentDocument([new Paragraph([new TextRun("Before.")]), table, new Paragraph([new TextRun("After.")])]), SampleDocuments.Info(draft: false), DocumentTheme.Default, stream);

        Assert.Empty(DocxChecks.Validate(stream.ToArray()));
        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var sizes = body.Descendants<W.SectionProperties>().Select(s => s.GetFirstChild<W.PageSize>()!).Select(p => p.Orient?.Value == W.PageOrientationValues.Landscape).ToList();
        Assert.Equal([false, true, false], sizes);
        var breakAfter = body.Elements<W.Table>().Single().NextSibling<W.Paragraph>()!;
        Assert.NotNull(breakAfter.ParagraphProperties!.GetFirstChild<W.SectionProperties>());
    }

    private static (W.Table Table, bool Landscape) RenderDocument(Table table)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(new ContentDocument([table]), SampleDocuments.Info(draft: false), DocumentTheme.Default, stream);
        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        var element = docx.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
        var landscape = element.NextSibling<W.Paragraph>()?.ParagraphProperties?.GetFirstChild<W.SectionProperties>()?.GetFirstChild<W.PageSize>()?.Orient?.Value == W.PageOrientationValues.Landscape;
        return ((W.Table)element.CloneNode(true), landscape);
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
