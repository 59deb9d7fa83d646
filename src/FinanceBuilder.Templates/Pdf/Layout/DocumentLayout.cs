using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>
/// Flows the blocks of a document onto pages: one small routine per block type, a cursor
/// <see cref="y"/> down the text column, and the page-break rules (headings kept with what
/// follows, no lone first or last line of a paragraph, table rows never cut mid-line with their
/// header repeated). The table of contents shows the pages of the previous pass.
/// </summary>
internal sealed partial class DocumentLayout
{
    private const double Epsilon = 0.01;

    private readonly DocumentTheme theme;
    private readonly DocumentInfo info;
    private readonly TextShaper shaper;
    private readonly Palette palette;
    private readonly IReadOnlyList<HeadingMark>? previous;
    private readonly double top;
    private double bottom;
    private readonly LayoutMemo memo;

    /// <summary>Each table that directly follows or precedes another, with all the tables of its run.</summary>
    private Dictionary<Table, IReadOnlyList<Table>> tableRuns = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Heading, string Text, int Level)> contents = [];

    private PageLayout page = null!;

    // Set while a table too wide for a portrait page (and the headings just above it) is laid
    // on landscape pages; the block after it starts a new portrait page.
    private bool keepLandscape;
    private double y;
    private double pending;
    private bool placed;
    private bool cover;
    private (string Text, double X)? marker;
    private readonly System.Text.StringBuilder builder = new();

    public DocumentLayout(DocumentTheme theme, DocumentInfo info, TextShaper shaper, Palette palette, LayoutMemo memo, IReadOnlyList<HeadingMark>? previous)
    {
        this.memo = memo;
        this.theme = theme;
        this.info = info;
        this.shaper = shaper;
        this.palette = palette;
        this.previous = previous;
        top = theme.MarginTop;
        bottom = theme.PageHeight - theme.MarginBottom;
    }

    /// <summary>The pages laid out.</summary>
    public List<PageLayout> Pages { get; } = [];

    /// <summary>The top-level headings in document order (the table of contents' targets).</summary>
    public List<HeadingMark> Headings { get; } = [];

    /// <summary>Every bookmark in document order: the headings and the table of contents itself.</summary>
    public List<HeadingMark> Bookmarks { get; } = [];

    /// <summary>Whether the document has a table of contents (so a second pass is needed).</summary>
    public bool HasContents { get; private set; }

    private double BodyHeight => bottom - top;

    private double BodyLine => theme.BodySize * theme.LineHeight;

    public void Run(ContentDocument document)
    {
        var blocks = document.Blocks;
        var coverEnd = -1;
        for (var i = 0; i < blocks.Count && coverEnd < 0; i++)
        {
            if (blocks[i] is PageBreak)
                coverEnd = i;
        }
        ListContents(blocks);
        tableRuns = TableRuns.Of(blocks);
        cover = coverEnd > 0;
        NewPage();
        var titled = false;
        var x = theme.MarginLeft;
        var width = theme.ContentWidth;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case Heading heading when cover && !titled:
                    CoverTitle(heading, x, width);
                    titled = true;
                    break;
                case Heading heading:
                    if (!keepLandscape && LandscapeAhead(blocks, i, width))
                        EnterLandscape();
                    HeadingBlock(heading, blocks, i, x, keepLandscape ? LandscapeWidth : width, mark: true);
                    break;
                case PageBreak:
                    PageBreakBlock();
                    break;
                case TableOfContents when !HasContents:
                    HasContents = true;
                    ContentsBlock(x, width);
                    break;
                case TableOfContents:
                    break;
                default:
                    Block(blocks, i, x, width, 0);
                    break;
            }
        }
        // A page break at the very end leaves no blank last page.
        if (Pages.Count > 1 && !placed && page.Ops.Count == 0)
            Pages.RemoveAt(Pages.Count - 1);
    }

    /// <summary>The headings the table of contents lists: level 1 and 2 after it, as the preview does.</summary>
    private void ListContents(IReadOnlyList<ContentBlock> blocks)
    {
        var after = false;
        var ordinal = 0;
        foreach (var block in blocks)
        {
            if (block is TableOfContents)
                after = true;
            if (block is not Heading heading)
                continue;
            if (after && heading.Level <= 2)
                contents.Add((ordinal, InlineText.Short(InlineText.Plain(heading.Runs)), heading.Level));
            ordinal++;
        }
    }

    /// <summary>Opens a structure element around what is drawn next (see <see cref="BeginOp"/>).</summary>
    private void Begin(StructureTag tag) => page.Ops.Add(new BeginOp(tag));

    /// <summary>Closes the innermost structure element or artifact.</summary>
    private void End() => page.Ops.Add(EndOp.Instance);

    /// <summary>A new page, landscape while a wide table is being laid out.</summary>
    private void NewPage()
    {
        page = new PageLayout(cover, keepLandscape);
        Pages.Add(page);
        bottom = (keepLandscape ? theme.PageWidth : theme.PageHeight) - theme.MarginBottom;
        y = top;
        pending = 0;
        placed = false;
    }

    /// <summary>
    /// Starts a block: adds the space between it and the one before (none at the top of a page)
    /// and moves to a new page when <paramref name="need"/> does not fit.
    /// </summary>
    private void Start(double before, double need)
    {
        if (page.Landscape && !keepLandscape)
            NewPage(); // back to portrait after a landscape table
        var gap = placed ? Math.Max(pending, before) : 0;
        if (placed && y + gap + need > bottom + Epsilon)
            NewPage();
        else
            y += gap;
        pending = 0;
    }

    private void Block(IReadOnlyList<ContentBlock> blocks, int index, double x, double width, int depth)
    {
        var block = blocks[index];
        if (marker is not null && block is not Paragraph)
            LoneMarker();
        switch (block)
        {
            case Paragraph paragraph:
                ParagraphBlock(paragraph, x, width, depth);
                break;
            case Heading heading:
                HeadingBlock(heading, blocks, index, x, width, mark: false);
                break;
            case BulletList list:
                ListBlock(list, x, width, depth);
                break;
            case Table table:
                TableBlock(table, x, width);
                break;
            case Chart chart:
                ChartBlock(chart, x, width);
                break;
            case Figure figure:
                FigureBlock(figure, x, width);
                break;
            case PageBreak:
                PageBreakBlock();
                break;
            default:
                break;
        }
    }

    private void PageBreakBlock()
    {
        // The first page break ends the cover; one at the top of a page adds no blank page.
        var endsCover = cover;
        cover = false;
        if (placed || endsCover)
        {
            if (!placed && page.Ops.Count == 0)
                Pages.RemoveAt(Pages.Count - 1);
            NewPage();
        }
    }

    /// <summary>The height the start of a block needs to be kept with a heading above it.</summary>
    private double Lead(IReadOnlyList<ContentBlock> blocks, int index, double width, int depth)
    {
        if (index >= blocks.Count || depth > 2)
            return 0;
        switch (blocks[index])
        {
            case Paragraph paragraph:
                var lines = memo.Break(paragraph.Runs, theme.BodySize, width).Lines.Count;
                return theme.HeadingSpacingAfter + Math.Min(2, lines) * BodyLine;
            case Heading heading:
                var size = theme.HeadingSize(heading.Level);
                var count = memo.Break(heading.Runs, size, width, bold: true).Lines.Count;
                return theme.HeadingSpacingBefore + count * size * theme.LineHeight + Lead(blocks, index + 1, width, depth + 1);
            case BulletList list when list.Items.Count > 0:
                return Lead(list.Items[0], 0, width - theme.ListIndent, depth + 1);
            case Table table when table.Rows.Count > 0:
                return theme.HeadingSpacingAfter + TableStart(Tables(table, width));
            case Chart:
                return theme.HeadingSpacingAfter + theme.ChartHeight;
            case Figure figure:
                return theme.HeadingSpacingAfter + FigureSize.Of(figure.Image, width, theme).Height;
            default:
                return 0;
        }
    }

}
