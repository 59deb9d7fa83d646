using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Tokens;
using static FinanceBuilder.Templates.Tests.Pdf.PdfSamples;

namespace FinanceBuilder.Templates.Tests.Pdf;

public class PdfRendererTests
{
    private static readonly DocumentTheme Theme = DocumentTheme.Default;

    private static readonly PdfLayoutChecks.Zones Zones =
        PdfLayoutChecks.Zones.FromMargins(Theme.PageWidth, Theme.PageHeight, Theme.MarginTop, Theme.MarginRight, Theme.MarginBottom, Theme.MarginLeft);

    private static (byte[] Pdf, int Pages) Render(ContentDocument document, DocumentInfo? info = null)
    {
        using var output = new MemoryStream();
        var pages = PdfRenderer.Render(document, info ?? Info(), Theme, output);
        return (output.ToArray(), pages);
    }

    private static void AssertLayout(byte[] pdf, DocumentInfo? info = null)
    {
        PdfLayoutChecks.AssertLettersInsideMargins(pdf, Zones);
        PdfLayoutChecks.AssertNoOverlappingLines(pdf);
        PdfLayoutChecks.AssertFooters(pdf, (info ?? Info()).Labels.PageOfTotal);
    }

    [Fact]
    public void LongText_FlowsOverPages_RaggedRight_InsideMargins()
    {
        var (pdf, pages) = Render(LongText(8));

        Assert.True(pages >= 5, $"{pages} pages");
        AssertLayout(pdf);
        var right = Theme.PageWidth - Theme.MarginRight;
        var body = PdfLayoutChecks.Lines(pdf).Where(l => l.Top > Zones.Top && l.Bottom < Zones.Bottom && l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5).ToList();
        // Ragged-right (decision 0015): every line starts at the margin, and full lines end
        // wherever their last word does, not stretched to the right margin.
        Assert.All(body, l => Assert.InRange(l.Left, Theme.MarginLeft - 0.5, Theme.MarginLeft + 1.5));
        var flush = body.Count(l => Math.Abs(l.Right - right) < 1.5);
        Assert.True(flush < body.Count * 0.3, $"{flush} of {body.Count} full lines end at the right margin");
        var text = string.Join('\n', PdfLayoutChecks.PageTexts(pdf));
        Assert.Contains("Bold words and italic words follow.", text, StringComparison.Ordinal);
    }

    /// A short table (a risk factor's five rows) is never split after a row or two: wherever the
    /// text before it ends, all its rows are on one page.
    [Fact]
    public void ShortTable_IsKeptWholeOnOnePage()
    {
        var table = new Table([Row("Risk factor 9", "Social"), Row("Description", Words(40, 3)), Row("Probability", "Low"), Row("Impact", "High"), Row("Mitigation", Words(30, 4))], 1, []);
        for (var words = 300; words <= 700; words += 5)
        {
            var (pdf, _) = Render(new ContentDocument([Para(Words(words, 1)), table]));

            // Its first and last body rows (the header could repeat on the next page).
            var pages = PdfLayoutChecks.Lines(pdf).Where(l => l.Text.StartsWith("Description", StringComparison.Ordinal) || l.Text.StartsWith("Mitigation", StringComparison.Ordinal)).Select(l => l.Page).Distinct().ToList();
            Assert.True(pages.Count == 1, $"{words} words before: the table's first and last rows are on pages {string.Join(", ", pages)}");
        }
    }

    private static List<IReadOnlyList<TextRun>> Row(params string[] cells) => cells.Select(c => (IReadOnlyList<TextRun>)[new TextRun(c)]).ToList();

    [Fact]
    public void Table_Of500Rows_SpansPages_WithHeaderRepeated()
    {
        var (pdf, pages) = Render(new ContentDocument([H(1, "Emissions"), Para(Words(30, 1)), BigTable(500)]));

        Assert.True(pages >= 10, $"{pages} pages");
        AssertLayout(pdf);
        PdfLayoutChecks.AssertTableHeaderOnEveryPage(pdf, "Year", @"^\d{4}\D", Zones);
        var text = string.Join('\n', PdfLayoutChecks.PageTexts(pdf));
        Assert.Contains("2526", text, StringComparison.Ordinal);
        Assert.Contains("625,250.0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrowTable_BreaksA200CharacterWord()
    {
        var word = new string('W', 200);
        var table = new Table([[Cell("Key"), Cell("Value"), Cell("Note")], [Cell("Identifier"), Cell(word), Cell("short")], [Cell("Empty")]], 1, []);
        var (pdf, _) = Render(new ContentDocument([table, new BulletList(false, [[table]])]));

        AssertLayout(pdf);
        var text = string.Join(string.Empty, PdfLayoutChecks.PageTexts(pdf));
        Assert.Equal(400, text.Count(c => c == 'W'));
    }

    [Fact]
    public void ARowTallerThanAPage_IsSplitBetweenLines_UnderItsHeader()
    {
        var tall = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Line {i}"));
        var table = new Table([[Cell("Name"), Cell("Lines")], [Cell("1999 tall"), Cell(tall)]], 1, []);
        var (pdf, pages) = Render(new ContentDocument([table]));

        Assert.True(pages >= 2);
        AssertLayout(pdf);
        PdfLayoutChecks.AssertTableHeaderOnEveryPage(pdf, "Name", @"^(Line \d+|1999 tall)", Zones);
    }

    [Fact]
    public void NestedLists_HaveMarkers_AndIndent()
    {
        var (pdf, _) = Render(new ContentDocument([NestedList()]));

        AssertLayout(pdf);
        var lines = PdfLayoutChecks.Lines(pdf);
        var outer = lines.First(l => l.Text.Contains("Component 1", StringComparison.Ordinal));
        var inner = lines.First(l => l.Text.Contains("Survey", StringComparison.Ordinal));
        Assert.StartsWith("\u2022", outer.Text.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("1.", inner.Text.TrimStart(), StringComparison.Ordinal);
        Assert.True(inner.Left > outer.Left + Theme.ListIndent / 2, "nested items are indented further");
    }

    [Fact]
    public void Charts_OfEveryKind_AreDrawnWithTheirText()
    {
        var blocks = new List<ContentBlock>();
        foreach (var chart in PdfSamples.Charts())
        {
            blocks.Add(H(2, chart.Title + " (chart)"));
            blocks.Add(chart);
        }
        var (pdf, pages) = Render(new ContentDocument(blocks));

        AssertLayout(pdf);
        var text = string.Join('\n', PdfLayoutChecks.PageTexts(pdf));
        foreach (var chart in PdfSamples.Charts())
            Assert.Contains(chart.Title, text, StringComparison.Ordinal);
        Assert.Contains("Street lighting", text, StringComparison.Ordinal);
        Assert.Contains("Co-financing", text, StringComparison.Ordinal);
        Assert.Equal(2, pages);
    }

    [Fact]
    public void Showcase_HasCover_ContentsWithRightNumbers_LinksAndBookmarks()
    {
        var document = Showcase();
        var (pdf, pages) = Render(document);

        AssertLayout(pdf);
        var headings = document.Blocks.OfType<Heading>().ToList();
        var listed = headings.Skip(1).Where(h => h.Level <= 2).Select(h => string.Concat(h.Runs.Select(r => r.Text))).ToList();
        PdfLayoutChecks.AssertContentsPageNumbers(pdf, listed);
        Assert.Equal(listed.Count, PdfLayoutChecks.AssertContentsLinks(pdf));

        using var read = PdfDocument.Open(pdf);
        var cover = read.GetPage(1).Text;
        Assert.Contains("Solar street lighting for Tamale", cover, StringComparison.Ordinal);
        Assert.DoesNotContain("Funding proposal", cover.Replace("Funding proposal to", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Info().Header, read.GetPage(3).Text, StringComparison.Ordinal);

        var links = read.GetPage(2).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(listed.Count, links.Count);

        Assert.True(read.TryGetBookmarks(out var bookmarks));
        var count = 0;
        var stack = new Stack<UglyToad.PdfPig.Outline.BookmarkNode>(bookmarks.Roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            count++;
            foreach (var child in node.Children)
                stack.Push(child);
        }
        Assert.Equal(headings.Count + 1, count);
        var summary = bookmarks.Roots.Single(b => b.Title == "A. Project summary");
        Assert.Equal(["A.1 Components", "A.2 Budget"], summary.Children.Select(c => c.Title));
        Assert.Equal(pages, read.NumberOfPages);
    }

    [Fact]
    public void Contents_OverSeveralPages_ShowTheRightNumbers()
    {
        var blocks = new List<ContentBlock> { H(1, "Cover"), new PageBreak(), new TableOfContents(), new PageBreak() };
        var names = new List<string>();
        for (var i = 0; i < 90; i++)
        {
            var name = $"Part {i + 1}";
            names.Add(name);
            blocks.Add(H(i % 3 == 0 ? 1 : 2, name));
            blocks.Add(Para(Words(150, i)));
        }
        var (pdf, _) = Render(new ContentDocument(blocks));

        AssertLayout(pdf);
        var entries = PdfLayoutChecks.ContentsEntries(pdf);
        Assert.True(entries.Values.Select(e => e.Page).Distinct().Count() >= 2, "the contents take several pages");
        PdfLayoutChecks.AssertContentsPageNumbers(pdf, names);
        Assert.Equal(names.Count, PdfLayoutChecks.AssertContentsLinks(pdf));
    }

    [Fact]
    public void Metadata_TitleAuthorSubjectLanguage()
    {
        var (pdf, _) = Render(new ContentDocument([Para("Hello")]), Info(french: true));

        using var read = PdfDocument.Open(pdf);
        Assert.Equal("Solar street lighting for Tamale", read.Information.Title);
        Assert.Equal("Tamale Metropolitan Assembly", read.Information.Author);
        Assert.Equal("GCF funding proposal", read.Information.Subject);
        Assert.Equal("FinanceBuilder", read.Information.Creator);
        Assert.True(read.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out var lang));
        Assert.Equal("fr", (lang as StringToken)?.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Footer_AndDraftMark_OnEveryPage_InTheDocumentLanguage(bool french)
    {
        var info = Info(draft: true, french: french);
        var (pdf, _) = Render(Showcase(), info);

        AssertLayout(pdf, info);
        PdfLayoutChecks.AssertOnEveryPage(pdf, info.Labels.Draft);
        Assert.Contains(french ? "Page 1 sur " : "Page 1 of ", PdfLayoutChecks.PageTexts(pdf)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_IsDrawnLiterally_WithoutCrashing()
    {
        var controls = new string(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).ToArray());
        var document = new ContentDocument([
            H(1, "Bad input " + controls),
            Para(Words(3000, 42)),
            Para(new string('y', 20_000)),
            Para("Controls:" + controls + ":end"),
            Para("Arabic: مشروع الإنارة. Hebrew: פרויקט תאורה. Emoji: 🌍☀️✅👨‍👩‍👧."),
            Para("Template {{ 7*7 }} and <script>alert(1)</script> stay literal."),
            new Table([[Cell(controls), Cell("🌍")], [Cell("مشروع"), Cell("\t\r\n")]], 1, []),
            Para("Lone surrogates: \uD800 and \uDC00 end."), // the engine's callers may not have refused them
            new Chart(ChartKind.Bar, "\uDC00 lone title", ["\uD83C label"], [new ChartSeries("\uD800", [1])]),
        ]);
        var (pdf, _) = Render(document);

        AssertLayout(pdf);
        var text = string.Join('\n', PdfLayoutChecks.PageTexts(pdf));
        Assert.Contains("{{ 7*7 }}", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("Controls:", text, StringComparison.Ordinal);
        Assert.Contains("פ", text, StringComparison.Ordinal);
        Assert.Contains("م", text.Normalize(System.Text.NormalizationForm.FormKC), StringComparison.Ordinal); // drawn in its joined form
        Assert.True(text.Count(c => c == 'y') >= 20_000);
    }

    [Fact]
    public void HugeHeadings_DeepLists_AndEmptyDocuments_StayInsideThePage()
    {
        BulletList Deep(int depth) => new(depth % 2 == 0, [[Para($"Level {depth} " + Words(12, depth)), .. depth < 30 ? new ContentBlock[] { Deep(depth + 1) } : []]]);
        var document = new ContentDocument([
            H(1, "Cover " + Words(400, 1)),
            new PageBreak(),
            new TableOfContents(),
            new PageBreak(),
            new PageBreak(),
            H(1, Words(1200, 2)),
            H(2, "Short"),
            Deep(0),
            new Table([[], [Cell("only one cell")]], 5, []),
            new Table([], 1, []),
            new Paragraph([]),
        ]);
        var (pdf, pages) = Render(document);

        AssertLayout(pdf);
        Assert.True(pages >= 4);
        var (empty, emptyPages) = Render(new ContentDocument([]));
        Assert.Equal(1, emptyPages);
        PdfLayoutChecks.AssertFooters(empty, "Page {0} of {1}");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(40)]
    public void WideTables_StayInsideTheTextColumn(int columns)
    {
        var header = Enumerable.Range(1, columns).Select(c => Cell($"Column {c}")).ToArray();
        var row = Enumerable.Range(1, columns).Select(c => Cell((c * 1234.5).ToString("N1", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var (pdf, _) = Render(new ContentDocument([new Table([header, row, row], 1, [])]));

        AssertLayout(pdf);
    }

    [Fact]
    public void PageBreak_AtTheTopOfAPage_AddsNoBlankPage()
    {
        var (pdf, pages) = Render(new ContentDocument([Para("Cover text"), new PageBreak(), new PageBreak(), Para("Body text"), new PageBreak()]));

        Assert.Equal(2, pages);
        var texts = PdfLayoutChecks.PageTexts(pdf);
        Assert.Contains("Cover text", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Info().Header, texts[0], StringComparison.Ordinal);
        Assert.Contains("Body text", texts[1], StringComparison.Ordinal);
        Assert.Contains(Info().Header, texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHundredPages_Render()
    {
        var (pdf, pages) = Render(LongText(248));

        Assert.InRange(pages, 185, 215);
        using var read = PdfDocument.Open(pdf);
        Assert.Equal(pages, read.NumberOfPages);
        Assert.Contains($"Page {pages} of {pages}", read.GetPage(pages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingAtPageBottom_MovesWithItsParagraph()
    {
        // Fill a page almost to the bottom, then a heading and a paragraph.
        var blocks = new List<ContentBlock>();
        for (var i = 0; i < 40; i++)
            blocks.Add(Para($"Filler line {i}"));
        blocks.Add(H(1, "Kept heading"));
        blocks.Add(Para(Words(80, 7)));
        var (pdf, _) = Render(new ContentDocument(blocks));

        AssertLayout(pdf);
        var lines = PdfLayoutChecks.Lines(pdf).Where(l => l.Top > Zones.Top && l.Bottom < Zones.Bottom).ToList();
        var heading = lines.Single(l => l.Text.Trim() == "Kept heading");
        var next = lines.Where(l => l.Page == heading.Page && l.Top > heading.Top).ToList();
        Assert.True(next.Count >= 2, "the heading has at least two lines of its paragraph under it on its page");
    }

    /// A short table is kept whole on one page; the heading before it asks for the same room, so
    /// it never stays alone at the foot of a page while its table starts the next (the FP's
    /// "Disbursement schedule" did).
    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void HeadingBeforeAShortTable_MovesWithIt(int fillers)
    {
        var blocks = new List<ContentBlock>();
        for (var i = 0; i < fillers; i++)
            blocks.Add(Para($"Filler line {i}"));
        blocks.Add(H(3, "Disbursement schedule"));
        blocks.Add(new Table([Row("Year", "Amount"), .. Enumerable.Range(2024, 8).Select(y => Row($"{y}", "1 515 000 USD"))], 1, []));
        var (pdf, _) = Render(new ContentDocument(blocks));

        AssertLayout(pdf);
        var lines = PdfLayoutChecks.Lines(pdf);
        var heading = lines.Single(l => l.Text.Trim() == "Disbursement schedule");
        Assert.Equal(heading.Page, lines.First(l => l.Text.Contains("2024", StringComparison.Ordinal)).Page);
        Assert.Equal(heading.Page, lines.First(l => l.Text.Contains("2031", StringComparison.Ordinal)).Page);
    }

    [Theory]
    [InlineData(34, "Orphan", 1, 2)] // one line free: the whole paragraph moves on
    [InlineData(32, "Widow", 4, 2)] // four lines free: three stay, two move, never one alone
    public void Paragraphs_LeaveNoLineAlone_AtAPageBreak(int fillers, string name, int lastOnFirstPage, int firstPageOfLastLine)
    {
        // One-line paragraphs fill the page to a known height (line 13.75 pt + 6 pt spacing).
        var blocks = new List<ContentBlock>();
        for (var i = 0; i < fillers; i++)
            blocks.Add(Para($"Filler {i}"));
        blocks.Add(Para(string.Join("\n", Enumerable.Range(1, 5).Select(i => $"{name} {i}"))));
        var (pdf, _) = Render(new ContentDocument(blocks));

        AssertLayout(pdf);
        var lines = PdfLayoutChecks.Lines(pdf);
        int PageOf(int line) => lines.Single(l => l.Text.Trim() == $"{name} {line}").Page;
        if (name == "Orphan")
        {
            Assert.Equal(2, PageOf(1));
            return;
        }
        Assert.Equal(1, PageOf(lastOnFirstPage - 1));
        Assert.Equal(firstPageOfLastLine, PageOf(lastOnFirstPage));
        Assert.Equal(2, PageOf(5));
    }

    [Fact]
    public void Renders_Concurrently()
    {
        var results = new int[6];
        Parallel.For(0, results.Length, i => results[i] = Render(Showcase(), Info(draft: i % 2 == 0)).Pages);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public void FontResolver_FindsDejaVu_AndNamesThePackageWhenNothingIsFound()
    {
        Assert.Equal("DejaVu Sans", FontResolver.FindFamily(["No Such Font", "DejaVu Sans"]));
        var error = Assert.Throws<InvalidOperationException>(() => FontResolver.FindFamily(["No Such Font"]));
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }
}
