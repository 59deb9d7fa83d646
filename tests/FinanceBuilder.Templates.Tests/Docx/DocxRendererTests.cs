using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Rendering;
using SkiaSharp;
using Paragraph = FinanceBuilder.Templates.Content.Paragraph;
using Table = FinanceBuilder.Templates.Content.Table;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace FinanceBuilder.Templates.Tests.Docx;

public sealed class DocxRendererTests
{
    private static byte[] Render(ContentDocument document, DocumentInfo? info = null)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(document, info ?? SampleDocuments.Info(), DocumentTheme.Default, stream);
        return stream.ToArray();
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx, writable: false), isEditable: false);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void EveryBlockType_Validates(bool draft, bool french)
    {
        var docx = Render(SampleDocuments.EveryBlock(), SampleDocuments.Info(draft, french));

        Assert.Empty(DocxChecks.Validate(docx));
    }

    [Fact]
    public void Styles_AreRealWithOutlineLevelsFontsAndLanguage()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock(), SampleDocuments.Info(french: true)));
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Style Style(string id) => styles.Elements<Style>().Single(s => s.StyleId == id);

        for (var level = 1; level <= 6; level++)
            Assert.Equal(level - 1, Style("Heading" + level).StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        foreach (var id in new[] { "Title", "TOC1", "TOC2", "ListParagraph", "TableGrid", "Header", "Footer" })
            Assert.NotNull(Style(id));
        Assert.Equal(JustificationValues.Left, Style("Normal").StyleParagraphProperties!.Justification!.Val!.Value);
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Arial", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("fr", defaults.Languages!.Val!.Value);
        Assert.Equal("22", defaults.FontSize!.Val!.Value);

        var body = document.MainDocumentPart.Document!.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading6");
    }

    [Fact]
    public void Runs_KeepBoldItalicLineBreaksAndTabs()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock()));
        var body = document.MainDocumentPart!.Document!.Body!;

        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Bold is not null && r.InnerText == "bold");
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Italic is not null && r.InnerText == "italic");
        var broken = body.Descendants<Run>().Single(r => r.InnerText.StartsWith(" text,", StringComparison.Ordinal));
        Assert.Single(broken.Elements<Break>());
        Assert.Single(broken.Elements<TabChar>());
        Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, broken.Elements<WText>().First().Space!.Value);
    }

    [Fact]
    public void Tables_AreFullWidthWithRepeatedShadedHeaderRowsAndRightAlignedFigures()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock()));
        var table = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal("5000", table.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value);
        Assert.Equal(TableWidthUnitValues.Pct, table.GetFirstChild<TableProperties>()!.TableWidth!.Type!.Value);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal("DCE6F0", rows[0].Descendants<Shading>().First().Fill!.Value);
        Assert.All(rows[0].Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        var amount = rows[1].Elements<TableCell>().ElementAt(1).Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Single();
        Assert.Equal(JustificationValues.Right, amount.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("TableText", amount.ParagraphProperties.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Lists_UseTheNumberingPart_AndEachNumberedListRestarts()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock()));
        var numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var instances = numbering.Elements<NumberingInstance>().ToDictionary(n => n.NumberID!.Value);
        var listParagraphs = document.MainDocumentPart.Document!.Body!.Descendants<NumberingProperties>().ToList();

        Assert.Equal(2, numbering.Elements<AbstractNum>().Count());
        Assert.All(numbering.Elements<AbstractNum>(), a => Assert.Equal(9, a.Elements<Level>().Count()));
        Assert.Equal(9, listParagraphs.Count);
        Assert.All(listParagraphs, p => Assert.True(instances.ContainsKey(p.NumberingId!.Val!.Value)));
        // Two nested items at level 1; three numbered lists, each its own instance starting at 1.
        Assert.Equal(2, listParagraphs.Count(p => p.NumberingLevelReference!.Val!.Value == 1));
        var ordered = instances.Values.Where(n => n.GetFirstChild<LevelOverride>() is not null).ToList();
        Assert.Equal(3, ordered.Count);
        Assert.All(ordered, n => Assert.Equal(1, n.GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value));
    }

    [Theory]
    [InlineData(false, "Page ", " of ")]
    [InlineData(true, "Page ", " sur ")]
    public void Footer_HasPageAndNumPagesFieldsInTheDocumentLanguage(bool french, string before, string between)
    {
        using var document = Open(Render(SampleDocuments.EveryBlock(), SampleDocuments.Info(french: french)));
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var id = section.Elements<FooterReference>().Single(f => f.Type!.Value == HeaderFooterValues.Default).Id!.Value!;
        var footer = ((FooterPart)main.GetPartById(id)).Footer!;
        var fields = footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ToList();

        Assert.Equal(2, fields.Count);
        Assert.StartsWith("PAGE ", fields[0], StringComparison.Ordinal);
        Assert.StartsWith("NUMPAGES ", fields[1], StringComparison.Ordinal);
        var texts = footer.Descendants<Run>().Where(r => r.Parent is not SimpleField).Select(r => r.InnerText).ToList();
        Assert.Equal([before, between], texts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Draft_IsMarkedInEveryHeaderIncludingTheCover(bool draft)
    {
        using var document = Open(Render(SampleDocuments.EveryBlock(), SampleDocuments.Info(draft)));
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var references = section.Elements<HeaderReference>().ToList();

        Assert.NotNull(section.GetFirstChild<TitlePage>());
        Assert.Equal(2, references.Count);
        Assert.Contains(references, r => r.Type!.Value == HeaderFooterValues.First);
        foreach (var reference in references)
        {
            var header = ((HeaderPart)main.GetPartById(reference.Id!.Value!)).Header!;
            Assert.Equal(draft, header.InnerText.Contains("DRAFT", StringComparison.Ordinal));
            if (reference.Type!.Value == HeaderFooterValues.Default)
                Assert.Contains("Funding proposal — Resilient Water Supply", header.InnerText, StringComparison.Ordinal);
            else
                Assert.DoesNotContain("Funding proposal", header.InnerText, StringComparison.Ordinal);
        }
        Assert.Equal(draft ? 2 : 0, main.HeaderParts.Sum(h => h.Header!.Descendants<Color>().Count(c => c.Val?.Value == "B00020")));
    }

    [Fact]
    public void NoPageBreak_MeansNoCover_AndOneHeaderForEveryPage()
    {
        using var document = Open(Render(new ContentDocument([new Heading(1, [new TextRun("Only")]), new Paragraph([new TextRun("Text")])]), SampleDocuments.Info(draft: true)));
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;

        Assert.Null(section.GetFirstChild<TitlePage>());
        Assert.Single(section.Elements<HeaderReference>());
        Assert.Equal("Heading1", document.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void PageBreaks_StartTheNextParagraphOnANewPage_AndPageSetupIsA4WithThemeMargins()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock()));
        var body = document.MainDocumentPart!.Document!.Body!;
        var section = body.GetFirstChild<SectionProperties>()!;

        Assert.Equal(2, body.Descendants<PageBreakBefore>().Count());
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(1440, margin.Top!.Value);
        Assert.Equal(1280u, margin.Right!.Value);
    }

    [Fact]
    public void TableOfContents_IsATocFieldWithCachedEntriesLinkedToHeadingBookmarks()
    {
        using var document = Open(Render(SampleDocuments.EveryBlock()));
        var body = document.MainDocumentPart!.Document!.Body!;
        var instructions = body.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        var links = body.Descendants<Hyperlink>().ToList();
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet();

        Assert.Equal("TOC \\o \"1-2\" \\h \\z \\u", instructions[0]);
        Assert.Equal(["A. Project summary", "A.1 Objectives", "A.2 Next"], links.Select(l => string.Concat(l.Descendants<WText>().Select(t => t.Text).Take(1))));
        Assert.All(links, l => Assert.Contains(l.Anchor!.Value!, bookmarks));
        Assert.Equal(3, instructions.Count(i => i.StartsWith("PAGEREF _Toc", StringComparison.Ordinal)));
        Assert.Equal(body.Descendants<FieldChar>().Count(f => f.FieldCharType!.Value == FieldCharValues.Begin), body.Descendants<FieldChar>().Count(f => f.FieldCharType!.Value == FieldCharValues.End));
        Assert.Equal("Contents", body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "TOCHeading").InnerText);
        // Word is not asked to update fields on opening (it would prompt the reader).
        Assert.Null(document.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>());
    }

    [Fact]
    public void Chart_IsAnInlinePngImageWithAltText()
    {
        var document = new ContentDocument(
        [
            new Chart(ChartKind.Bar, "Funding by source", ["GCF", "Co-financing"], [new ChartSeries("USD", [12e6, 3.5e6])]),
            new Chart(ChartKind.Line, "Emissions avoided", ["2026", "2027", "2028"], [new ChartSeries("tCO2e", [100, 250, 400])]),
        ]);
        var docx = Render(document);
        using var package = Open(docx);
        var main = package.MainDocumentPart!;
        var properties = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();

        Assert.Empty(DocxChecks.Validate(docx));
        Assert.Equal(["Funding by source", "Emissions avoided"], properties.Select(p => p.Description!.Value));
        Assert.Equal(2, properties.Select(p => p.Id!.Value).Distinct().Count());
        var extent = main.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().First();
        Assert.Equal((long)Math.Round(DocumentTheme.Default.ContentWidth * 12700), extent.Cx!.Value);
        Assert.Equal((long)Math.Round(DocumentTheme.Default.ChartHeight * 12700), extent.Cy!.Value);
        Assert.Equal(2, main.ImageParts.Count());
        foreach (var image in main.ImageParts)
        {
            Assert.Equal("image/png", image.ContentType);
            using var stream = image.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var png = copy.ToArray();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width > 500);
        }
    }

    [Fact]
    public void HostileText_AppearsLiterally_AndTheFileValidates()
    {
        var controls = string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c));
        var hostile = new[]
        {
            "Control [" + controls + "] end",
            "العربية من اليمين إلى اليسار",
            "עברית מימין לשמאל",
            "Emoji 🌍🌊💧 and a lone surrogate \uD83C here",
            "{{ 7*7 }}",
            "<script>alert(1)</script> & \"quotes\"",
            "  leading and trailing spaces  ",
        };
        var longText = string.Concat(Enumerable.Repeat("Twenty thousand characters of one paragraph. ", 445))[..20_000];
        var document = new ContentDocument(
        [
            new Heading(1, [new TextRun(hostile[0])]),
            .. hostile.Select(h => (ContentBlock)new Paragraph([new TextRun(h, Bold: true)])),
            new Paragraph([new TextRun(longText)]),
            new BulletList(false, [[new Paragraph([new TextRun(hostile[1])])]]),
            new Table([SampleDocuments.Row(hostile[3], hostile[5]), SampleDocuments.Row(controls, longText)], 1, [CellAlignment.Left, CellAlignment.Right]),
            new Chart(ChartKind.Column, hostile[0] + hostile[1] + hostile[3], [hostile[2], controls, ""], [new ChartSeries(hostile[4], [1, -2, double.Epsilon])]),
        ]);
        var docx = Render(document, SampleDocuments.Info() with { Title = "Title " + controls, Author = hostile[5], Header = hostile[3] + controls });

        Assert.Empty(DocxChecks.Validate(docx));
        using var package = Open(docx);
        var text = package.MainDocumentPart!.Document!.Body!.InnerText;
        // Of the controls only tab, line feed and carriage return stay (as w:tab and w:br).
        Assert.Contains("Control [] end", text, StringComparison.Ordinal);
        var controlRun = package.MainDocumentPart.Document.Body.Descendants<Run>().First(r => r.InnerText == "Control [] end");
        Assert.Single(controlRun.Elements<TabChar>());
        Assert.Equal(2, controlRun.Elements<Break>().Count());
        foreach (var literal in hostile.Skip(1).Where(h => !h.Contains('\uD83C', StringComparison.Ordinal)))
            Assert.Contains(literal, text, StringComparison.Ordinal);
        Assert.Contains("Emoji 🌍🌊💧 and a lone surrogate  here", text, StringComparison.Ordinal);
        Assert.Contains(longText, text, StringComparison.Ordinal);
        // Arabic and Hebrew paragraphs read right to left; the others do not.
        var paragraphs = package.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        bool RightToLeft(string text) => paragraphs.First(p => p.InnerText == text).ParagraphProperties?.BiDi is not null;
        Assert.True(RightToLeft(hostile[1]));
        Assert.True(RightToLeft(hostile[2]));
        Assert.False(RightToLeft(hostile[4]));
        // The long table row may split across pages; the 20,000 characters are one paragraph.
        var rows = package.MainDocumentPart.Document.Body.Descendants<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<CantSplit>());
        Assert.Null(rows[1].TableRowProperties?.GetFirstChild<CantSplit>());
    }

    [Fact]
    public void ColumnWidths_FillTheTextWidth_AndKeepFiguresWhole()
    {
        var prose = "Outcome indicator measured every year against the baseline established at inception";
        var table = new Table([SampleDocuments.Row("Indicator", "Means", "Baseline", "Target", "Assumptions", "Amount"), SampleDocuments.Row(prose, prose, prose, prose, prose, "12,000,000")], 1, []);
        var theme = DocumentTheme.Default;

        var widths = DocxTables.ColumnWidths(table, 6, theme);

        Assert.Equal(theme.ContentWidth, widths.Sum(), precision: 6);
        Assert.True(widths[5] >= 10 * theme.TableSize * 0.55 + theme.CellPadding * 2, $"the figures column is {widths[5]:F1} pt");
        Assert.True(widths[0] > widths[5]);
    }

    [Fact]
    public void FiveHundredRowTable_Validates()
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>> { SampleDocuments.Row("Year", "Revenue", "Cost") };
        for (var i = 0; i < 500; i++)
            rows.Add(SampleDocuments.Row((2026 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "1,000,000", "750,000"));
        var docx = Render(new ContentDocument([new Table(rows, 1, [CellAlignment.Left, CellAlignment.Right, CellAlignment.Right])]));

        Assert.Empty(DocxChecks.Validate(docx));
        using var package = Open(docx);
        Assert.Equal(501, package.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Count());
    }

    [Fact]
    public void Metadata_IsWritten()
    {
        using var package = Open(Render(SampleDocuments.EveryBlock()));

        Assert.Equal("Resilient Water Supply for Coastal Communities", package.PackageProperties.Title);
        Assert.Equal("Example Accredited Entity", package.PackageProperties.Creator);
        Assert.Equal("GCF funding proposal", package.PackageProperties.Subject);
        Assert.Equal("en", package.PackageProperties.Language);
        Assert.Equal(new DateTime(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc), package.PackageProperties.Created!.Value.ToUniversalTime());
        Assert.Equal("FinanceBuilder", package.ExtendedFilePropertiesPart!.Properties!.Application!.Text);
    }

    [Fact]
    public void Rendering_IsRepeatable_AndConcurrentRendersAgree()
    {
        var document = SampleDocuments.EveryBlock();
        var expected = DocxChecks.NormalizedDocumentXml(Render(document));

        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = DocxChecks.NormalizedDocumentXml(Render(document)));

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Contains("<w:pStyle w:val=\"Heading1\" />", expected, StringComparison.Ordinal);
        Assert.Contains("r:embed=\"rId#1\"", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void FortyPageDocument_Validates()
    {
        var docx = Render(SampleDocuments.Long());

        Assert.Empty(DocxChecks.Validate(docx));
    }
}
