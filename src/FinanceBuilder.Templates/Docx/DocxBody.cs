using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Text;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// Walks the content blocks into the document body. One instance per render (it holds the
/// counters for bookmarks and drawings and the pending page break), so renders never share state.
/// </summary>
internal sealed class DocxBody
{
    private readonly MainDocumentPart main;
    private readonly DocumentTheme theme;
    private readonly DocumentInfo info;
    private readonly CultureInfo culture;
    private readonly DocxNumbering numbering;
    private readonly Pdf.Layout.TextShaper shaper;
    private readonly Body body = new();
    private readonly Dictionary<ContentBlock, string> bookmarks = new(ReferenceEqualityComparer.Instance);

    /// <summary>Runs of tables sharing their column widths (TableRuns), and their fits once made.</summary>
    private Dictionary<Content.Table, IReadOnlyList<Content.Table>> tableRuns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Content.Table, Pdf.Layout.TableLayout> runFits = new(ReferenceEqualityComparer.Instance);
    private Dictionary<ContentBlock, int> pages = new(ReferenceEqualityComparer.Instance);
    private Dictionary<Chart, byte[]> chartImages = new(ReferenceEqualityComparer.Instance);
    private bool pendingPageBreak;
    private uint drawings;
    private int bookmarkIds;
    private Heading? coverTitle;
    private bool inCover;

    public DocxBody(MainDocumentPart main, DocumentTheme theme, DocumentInfo info, CultureInfo culture, DocxNumbering numbering, Pdf.Layout.TextShaper shaper)
    {
        this.main = main;
        this.theme = theme;
        this.info = info;
        this.culture = culture;
        this.numbering = numbering;
        this.shaper = shaper;
    }

    /// <summary>Whether the document opens with a cover page (blocks before the first page break).</summary>
    public bool HasCover { get; private set; }

    /// <summary>The paragraphs that end a section before or after a landscape table, in order, each
    /// with whether the section it ends is landscape.</summary>
    public List<(Paragraph Paragraph, bool Landscape)> SectionBreaks { get; } = [];

    private Paragraph SectionBreak(bool landscape)
    {
        var paragraph = new Paragraph(new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
        });
        SectionBreaks.Add((paragraph, landscape));
        return paragraph;
    }

    public Body Write(ContentDocument document)
    {
        var blocks = document.Blocks;
        var firstBreak = -1;
        for (var i = 0; i < blocks.Count && firstBreak < 0; i++)
        {
            if (blocks[i] is PageBreak)
                firstBreak = i;
        }
        HasCover = firstBreak > 0;
        tableRuns = TableRuns.Of(blocks);
        coverTitle = CoverTitle(blocks);

        // Headings a table of contents lists get a bookmark to link to (as the preview, only those after the first TOC).
        var firstToc = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is TableOfContents && firstToc < 0)
                firstToc = i;
            else if (firstToc >= 0 && blocks[i] is Heading { Level: <= 2 } heading)
                bookmarks[heading] = "_Toc" + (bookmarks.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
        }
        if (firstToc >= 0)
            pages = DocxPages.Estimate(blocks, theme, shaper, toc => TocEntries(blocks, toc).Count);

        chartImages = DocxCharts.Images(Charts(blocks).ToList(), theme, culture);

        inCover = HasCover;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is PageBreak)
            {
                inCover = false;
                // A break at the very end would only add an empty page.
                pendingPageBreak = i < blocks.Count - 1;
                continue;
            }
            if (blocks[i] is TableOfContents toc)
            {
                Toc(TocEntries(blocks, toc));
                continue;
            }
            Block(blocks[i]);
        }
        return body;
    }

    private void Block(ContentBlock block)
    {
        switch (block)
        {
            case Heading heading:
                HeadingParagraph(heading);
                break;
            case Content.Paragraph paragraph:
                var element = NewParagraph(inCover ? DocxStyles.Subtitle : null);
                RightToLeft(element, paragraph.Runs);
                DocxRuns.Append(element, paragraph.Runs);
                body.Append(element);
                break;
            case BulletList list:
                List(list, 0);
                break;
            case Content.Table { Rows.Count: 0 }:
                // Word calls a table without rows a corrupt file.
                break;
            case Content.Table table when DocxTables.GoesLandscape(table, theme, shaper):
                // A section of its own, turned: the section ending before it is portrait, the
                // one it ends is landscape (DocxRenderer fills in both once the page setup exists).
                FlushPageBreak();
                body.Append(SectionBreak(landscape: false));
                body.Append(DocxTables.Build(table, theme, shaper, landscape: true));
                body.Append(SectionBreak(landscape: true));
                break;
            case Content.Table table:
                FlushPageBreak();
                body.Append(DocxTables.Build(table, theme, shaper, fit: RunFit(table)));
                // Space after the table; it also keeps two tables in a row from merging into one.
                body.Append(new Paragraph(new ParagraphProperties
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = DocxUnits.TwipsText(theme.ParagraphSpacing * 1.5), LineRule = LineSpacingRuleValues.Exact },
                }));
                break;
            case Chart chart:
                var picture = DocxCharts.Build(main, chart, chartImages[chart], theme, ++drawings);
                ApplyPageBreak(picture.ParagraphProperties!);
                body.Append(picture);
                break;
            case Figure figure:
                FigureParagraphs(figure);
                break;
        }
    }

    /// <summary>
    /// A picture centred at the size the PDF gives it, kept on the page of its caption, which
    /// follows in italics.
    /// </summary>
    private void FigureParagraphs(Figure figure)
    {
        var (width, height) = FigureSize.Of(figure.Image, theme.ContentWidth, theme);
        var type = figure.Image.Format == DocumentImageFormat.Jpeg ? ImagePartType.Jpeg : ImagePartType.Png;
        var picture = new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.ChartParagraph }, KeepNext = new KeepNext() },
            new Run(DocxPicture.Drawing(main, figure.Image.Data, type, width, height, "Figure", DocumentText.Sanitize(figure.AlternativeText), ++drawings)));
        ApplyPageBreak(picture.ParagraphProperties!);
        body.Append(picture);
        if (figure.Caption.Length == 0)
            return;
        var caption = NewParagraph(null);
        TextRun[] runs = [new TextRun(figure.Caption, Italic: true)];
        RightToLeft(caption, runs);
        DocxRuns.Append(caption, runs);
        body.Append(caption);
    }

    /// <summary>Every chart, also those inside list items.</summary>
    private static IEnumerable<Chart> Charts(IEnumerable<ContentBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is Chart chart)
                yield return chart;
            else if (block is BulletList list)
            {
                foreach (var inner in Charts(list.Items.SelectMany(item => item)))
                    yield return inner;
            }
        }
    }

    private void HeadingParagraph(Heading heading)
    {
        var isTitle = ReferenceEquals(heading, coverTitle);
        var paragraph = NewParagraph(isTitle ? DocxStyles.Title : DocxStyles.Heading(heading.Level));
        RightToLeft(paragraph, heading.Runs);
        if (bookmarks.TryGetValue(heading, out var name))
        {
            var id = (++bookmarkIds).ToString(CultureInfo.InvariantCulture);
            paragraph.Append(new BookmarkStart { Id = id, Name = name });
            DocxRuns.Append(paragraph, heading.Runs);
            paragraph.Append(new BookmarkEnd { Id = id });
        }
        else
        {
            DocxRuns.Append(paragraph, heading.Runs);
        }
        body.Append(paragraph);
    }

    private void List(BulletList list, int level)
    {
        var id = numbering.NewList(list.Ordered, level);
        foreach (var item in list.Items)
        {
            var first = true;
            foreach (var block in item)
            {
                if (block is BulletList nested)
                {
                    List(nested, Math.Min(level + 1, 8));
                }
                else if (block is Content.Paragraph paragraph)
                {
                    var element = NewParagraph(DocxStyles.ListParagraph);
                    var properties = element.ParagraphProperties!;
                    if (first)
                        properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id });
                    else
                        // A second paragraph of the same item: aligned with the item's text, no marker.
                        properties.Indentation = new Indentation { Left = DocxUnits.TwipsText(numbering.Indent(level)) };
                    RightToLeft(element, paragraph.Runs);
                    DocxRuns.Append(element, paragraph.Runs);
                    body.Append(element);
                }
                else
                {
                    Block(block);
                }
                first = false;
            }
            if (item.Count == 0)
            {
                var empty = NewParagraph(DocxStyles.ListParagraph);
                empty.ParagraphProperties!.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id });
                body.Append(empty);
            }
        }
    }

    private void Toc(IReadOnlyList<DocxToc.Entry> entries)
    {
        var heading = NewParagraph(DocxStyles.TocHeading);
        DocxRuns.Append(heading, info.Labels.Contents, bold: false, italic: false);
        body.Append(heading);
        foreach (var paragraph in DocxToc.Entries(entries))
            body.Append(paragraph);
    }

    private List<DocxToc.Entry> TocEntries(IReadOnlyList<ContentBlock> blocks, TableOfContents toc)
    {
        var entries = new List<DocxToc.Entry>();
        var after = false;
        foreach (var block in blocks)
        {
            if (ReferenceEquals(block, toc))
                after = true;
            else if (after && block is Heading { Level: <= 2 } heading && bookmarks.TryGetValue(heading, out var name))
                entries.Add(new DocxToc.Entry(heading.Level, heading.Runs, name, pages.GetValueOrDefault(heading, 1)));
        }
        return entries;
    }

    private static void RightToLeft(Paragraph paragraph, IReadOnlyList<TextRun> runs)
    {
        if (DocxRuns.StartsRightToLeft(runs))
            paragraph.ParagraphProperties!.BiDi = new BiDi();
    }

    /// <summary>A paragraph of that style, starting a new page if a page break is pending.</summary>
    private Paragraph NewParagraph(string? style)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        ApplyPageBreak(properties);
        return new Paragraph(properties);
    }

    // pageBreakBefore rather than a paragraph holding a page break: that paragraph would leave an
    // empty line at the top of the next page.
    private void ApplyPageBreak(ParagraphProperties properties)
    {
        if (!pendingPageBreak)
            return;
        properties.PageBreakBefore = new PageBreakBefore();
        pendingPageBreak = false;
    }

    /// <summary>A table cannot carry pageBreakBefore: the break goes in a paragraph of its own.</summary>
    private void FlushPageBreak()
    {
        if (!pendingPageBreak)
            return;
        pendingPageBreak = false;
        body.Append(new Paragraph(
            new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact } },
            new Run(new Break { Type = BreakValues.Page })));
    }

    /// <summary>The fit of a table of a run, the run's widths shared (as the PDF lays it out), or null.</summary>
    private Pdf.Layout.TableLayout? RunFit(Content.Table table)
    {
        if (!tableRuns.TryGetValue(table, out var run))
            return null;
        if (!runFits.ContainsKey(table))
        {
            var fits = Pdf.Layout.TableLayout.FitGroup(run, shaper, theme, theme.ContentWidth);
            for (var i = 0; i < run.Count; i++)
                runFits[run[i]] = fits[i];
        }
        return runFits[table];
    }

    /// <summary>
    /// The cover's title, set in the Title style: the first heading before the first page break
    /// (a document without a break has no cover). DocxPages estimates with the same rule.
    /// </summary>
    internal static Heading? CoverTitle(IReadOnlyList<ContentBlock> blocks)
    {
        var firstBreak = blocks.ToList().FindIndex(b => b is PageBreak);
        return firstBreak > 0 ? blocks.Take(firstBreak).OfType<Heading>().FirstOrDefault() : null;
    }
}
