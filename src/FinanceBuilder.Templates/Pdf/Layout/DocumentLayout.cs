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
internal sealed class DocumentLayout
{
    private const double Epsilon = 0.01;

    private readonly DocumentTheme theme;
    private readonly DocumentInfo info;
    private readonly TextShaper shaper;
    private readonly Palette palette;
    private readonly IReadOnlyList<HeadingMark>? previous;
    private readonly double top;
    private readonly double bottom;
    private readonly Dictionary<Table, (double Width, TableLayout Layout)> tables = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Heading, string Text, int Level)> contents = [];

    private PageLayout page = null!;
    private double y;
    private double pending;
    private bool placed;
    private bool cover;
    private (string Text, double X)? marker;
    private readonly System.Text.StringBuilder builder = new();

    public DocumentLayout(DocumentTheme theme, DocumentInfo info, TextShaper shaper, Palette palette, IReadOnlyList<HeadingMark>? previous)
    {
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
                    HeadingBlock(heading, blocks, i, x, width, mark: true);
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

    private void NewPage()
    {
        page = new PageLayout(cover);
        Pages.Add(page);
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

    private void CoverTitle(Heading heading, double x, double width)
    {
        var size = theme.CoverTitleSize;
        var words = InlineText.Words(heading.Runs, shaper, size, bold: true);
        var lines = LineBreaker.Break(words, width, shaper);
        var lineHeight = size * 1.2;
        // The title sits a fifth of the way down the cover, as in a bound report.
        y = top + BodyHeight * 0.2;
        Mark(heading.Runs, heading.Level, inContents: false, heading: true);
        Flow(words, lines, x, width, size, lineHeight, palette.Accent, justify: false);
        y += 10;
        page.Ops.Add(new RuleOp(x, y, x + width, y, palette.AccentRule));
        y += 4;
        placed = true;
        pending = 24;
    }

    private void HeadingBlock(Heading heading, IReadOnlyList<ContentBlock> blocks, int index, double x, double width, bool mark)
    {
        var size = theme.HeadingSize(heading.Level);
        var words = InlineText.Words(heading.Runs, shaper, size, bold: true);
        var lines = LineBreaker.Break(words, width, shaper);
        var lineHeight = size * theme.LineHeight;
        var height = lines.Count * lineHeight;
        // Kept with the start of the next block: a heading never ends a page.
        var need = Math.Min(height + Lead(blocks, index + 1, width, 0), BodyHeight);
        Start(theme.HeadingSpacingBefore, need);
        if (mark)
            Mark(heading.Runs, heading.Level, inContents: false, heading: true);
        Flow(words, lines, x, width, size, lineHeight, palette.Accent, justify: false);
        pending = theme.HeadingSpacingAfter;
    }

    private void Mark(IReadOnlyList<TextRun> runs, int level, bool inContents, bool heading)
    {
        var mark = new HeadingMark(InlineText.Short(InlineText.Plain(runs)), level, Pages.Count - 1, y, inContents);
        if (heading)
            Headings.Add(mark);
        Bookmarks.Add(mark);
    }

    /// <summary>The height the start of a block needs to be kept with a heading above it.</summary>
    private double Lead(IReadOnlyList<ContentBlock> blocks, int index, double width, int depth)
    {
        if (index >= blocks.Count || depth > 2)
            return 0;
        switch (blocks[index])
        {
            case Paragraph paragraph:
                var lines = LineBreaker.Break(InlineText.Words(paragraph.Runs, shaper, theme.BodySize), width, shaper).Count;
                return theme.HeadingSpacingAfter + Math.Min(2, lines) * BodyLine;
            case Heading heading:
                var size = theme.HeadingSize(heading.Level);
                var count = LineBreaker.Break(InlineText.Words(heading.Runs, shaper, size, bold: true), width, shaper).Count;
                return theme.HeadingSpacingBefore + count * size * theme.LineHeight + Lead(blocks, index + 1, width, depth + 1);
            case BulletList list when list.Items.Count > 0:
                return Lead(list.Items[0], 0, width - theme.ListIndent, depth + 1);
            case Table table when table.Rows.Count > 0:
                var layout = Tables(table, width);
                var rows = Math.Min(table.Rows.Count, Math.Max(0, table.HeaderRows) + 1);
                return theme.HeadingSpacingAfter + Enumerable.Range(0, rows).Sum(r => RowHeight(layout.Rows[r].LineCount));
            case Chart:
                return theme.HeadingSpacingAfter + theme.ChartHeight;
            default:
                return 0;
        }
    }

    private void ParagraphBlock(Paragraph paragraph, double x, double width, int depth)
    {
        var words = InlineText.Words(paragraph.Runs, shaper, theme.BodySize);
        var lines = LineBreaker.Break(words, width, shaper);
        var before = depth > 0 ? theme.ParagraphSpacing / 2 : 0;
        if (lines.Count == 0)
        {
            if (marker is not null)
                LoneMarker();
            pending = Math.Max(pending, before);
            return;
        }
        Start(before, Math.Min(lines.Count, 2) * BodyLine);
        Flow(words, lines, x, width, theme.BodySize, BodyLine, palette.Text, justify: true);
        pending = depth > 0 ? theme.ParagraphSpacing / 2 : theme.ParagraphSpacing;
    }

    /// <summary>
    /// Draws lines from <see cref="y"/> down, continuing on new pages: never the first line alone
    /// at the bottom of a page nor the last alone at the top of the next, when avoidable.
    /// </summary>
    private void Flow(List<Word> words, List<Line> lines, double x, double width, double size, double lineHeight, XBrush brush, bool justify)
    {
        var done = 0;
        while (done < lines.Count)
        {
            var fit = (int)Math.Floor((bottom - y + Epsilon) / lineHeight);
            var left = lines.Count - done;
            var take = Math.Min(fit, left);
            if (take < left)
            {
                if (left - take == 1 && take >= 2)
                    take--; // no last line alone at the top of the next page
                if (done == 0 && take == 1)
                    take = 0; // no first line alone at the bottom of this page
            }
            if (take <= 0)
            {
                if (placed)
                {
                    NewPage();
                    continue;
                }
                take = Math.Min(left, Math.Max(1, fit));
            }
            DrawLines(words, lines, x, width, size, lineHeight, brush, CellAlignment.Left, justify, done, take);
            placed = true;
            done += take;
            if (done < lines.Count)
                NewPage();
        }
    }

    /// <summary>A list item whose first block is not a paragraph: its marker stands on a line of its own.</summary>
    private void LoneMarker()
    {
        Start(0, BodyLine);
        DrawMarker(y + Baseline(theme.BodySize, BodyLine));
        y += BodyLine;
        placed = true;
    }

    private void DrawMarker(double baseline)
    {
        if (marker is not { } m)
            return;
        foreach (var piece in shaper.Shape(m.Text, 0, theme.BodySize))
            page.Ops.Add(new TextOp(m.X, baseline, piece.Spaced, piece.Font, palette.Text));
        marker = null;
    }

    private void ListBlock(BulletList list, double x, double width, int depth)
    {
        var numberWidth = list.Ordered
            ? TextShaper.Width(shaper.Shape(list.Items.Count.ToString(CultureInfo.InvariantCulture) + ".", 0, theme.BodySize))
            : 0;
        // Long numbered lists widen the indent so "100." still fits before the text.
        var indent = Math.Max(theme.ListIndent, numberWidth + 6);
        // Very deep nesting stops indenting rather than leave the text column.
        if (width - indent < theme.ContentWidth / 3)
            indent = Math.Min(indent, Math.Max(0, width - theme.ContentWidth / 3));
        var contentX = x + indent;
        var contentWidth = Math.Max(width - indent, 40);
        pending = Math.Max(pending, depth == 0 ? theme.ParagraphSpacing : 0);
        for (var n = 0; n < list.Items.Count; n++)
        {
            var text = list.Ordered ? (n + 1).ToString(CultureInfo.InvariantCulture) + "." : depth % 2 == 0 ? "\u2022" : "\u2013";
            var markerWidth = TextShaper.Width(shaper.Shape(text, 0, theme.BodySize));
            marker = indent <= 0 ? null : (text, list.Ordered ? contentX - 6 - markerWidth : x + (indent - markerWidth) / 2 - 2);
            var item = list.Items[n];
            for (var b = 0; b < item.Count; b++)
                Block(item, b, contentX, contentWidth, depth + 1);
            if (marker is not null)
                LoneMarker();
        }
        pending = depth == 0 ? theme.ParagraphSpacing : theme.ParagraphSpacing / 2;
    }

    private TableLayout Tables(Table table, double width)
    {
        if (tables.TryGetValue(table, out var known) && Math.Abs(known.Width - width) < Epsilon)
            return known.Layout;
        var layout = TableLayout.Build(table, shaper, theme, width);
        tables[table] = (width, layout);
        return layout;
    }

    private double TableLine => theme.TableSize * theme.LineHeight;

    private double RowHeight(int lines) => lines * TableLine + theme.CellPadding * 2;

    private void TableBlock(Table table, double x, double width)
    {
        if (table.Rows.Count == 0)
            return;
        var layout = Tables(table, width);
        var headerRows = Math.Clamp(table.HeaderRows, 0, table.Rows.Count);
        var headerHeight = Enumerable.Range(0, headerRows).Sum(r => RowHeight(layout.Rows[r].LineCount));
        // A header taller than a third of the page is not repeated: it would leave no room for rows.
        var repeat = headerRows > 0 && headerHeight <= BodyHeight / 3;
        var first = headerRows < layout.Rows.Length ? Math.Min(RowHeight(layout.Rows[headerRows].LineCount), RowHeight(2)) : 0;
        Start(theme.ParagraphSpacing, Math.Min(headerHeight + first, BodyHeight));
        for (var r = 0; r < layout.Rows.Length; r++)
            Row(table, layout, r, x, header: r < headerRows, repeat ? headerRows : 0);
        pending = theme.ParagraphSpacing * 1.5;
    }

    /// <summary>Places a row: whole on this page, else whole on the next, else split between lines.</summary>
    private void Row(Table table, TableLayout layout, int index, double x, bool header, int repeatRows)
    {
        var row = layout.Rows[index];
        var height = RowHeight(row.LineCount);
        var headerHeight = Enumerable.Range(0, repeatRows).Sum(r => RowHeight(layout.Rows[r].LineCount));
        if (y + height <= bottom + Epsilon)
        {
            RowSlice(table, layout, row, x, header, 0, row.LineCount);
            return;
        }
        if (placed && height <= BodyHeight - headerHeight)
        {
            ContinueTable(table, layout, x, header ? 0 : repeatRows);
            RowSlice(table, layout, row, x, header, 0, row.LineCount);
            return;
        }
        // Taller than a page: split between lines, each part under the repeated header.
        var done = 0;
        while (done < row.LineCount)
        {
            var fit = (int)Math.Floor((bottom - y - theme.CellPadding * 2 + Epsilon) / TableLine);
            if (fit <= 0)
            {
                ContinueTable(table, layout, x, header ? 0 : repeatRows);
                fit = Math.Max(1, (int)Math.Floor((bottom - y - theme.CellPadding * 2 + Epsilon) / TableLine));
            }
            var take = Math.Min(fit, row.LineCount - done);
            RowSlice(table, layout, row, x, header, done, take);
            done += take;
            if (done < row.LineCount)
                ContinueTable(table, layout, x, header ? 0 : repeatRows);
        }
    }

    private void ContinueTable(Table table, TableLayout layout, double x, int headerRows)
    {
        NewPage();
        for (var r = 0; r < headerRows; r++)
            RowSlice(table, layout, layout.Rows[r], x, header: true, 0, layout.Rows[r].LineCount);
    }

    /// <summary>Draws lines <c>[from, from + count)</c> of every cell of a row, with the row's borders.</summary>
    private void RowSlice(Table table, TableLayout layout, RowLayout row, double x, bool header, int from, int count)
    {
        var height = RowHeight(count);
        var width = layout.Widths.Sum();
        if (header)
            page.Ops.Add(new FillOp(new XRect(x, y, width, height), palette.HeaderFill));
        var cellX = x;
        var padding = theme.CellPadding;
        var rowTop = y;
        for (var c = 0; c < layout.Widths.Length; c++)
        {
            if (c < row.Cells.Length)
            {
                var cell = row.Cells[c];
                var align = c < table.Alignments.Count ? table.Alignments[c] : CellAlignment.Left;
                var take = Math.Min(count, cell.Lines.Count - from);
                if (take > 0)
                {
                    y = rowTop + padding;
                    DrawLines(cell.Words, cell.Lines, cellX + padding, layout.Widths[c] - padding * 2, theme.TableSize, TableLine, palette.Text, align, justify: false, from, take);
                }
            }
            cellX += layout.Widths[c];
        }
        y = rowTop;
        page.Ops.Add(new RuleOp(x, y, x + width, y, palette.Rule));
        page.Ops.Add(new RuleOp(x, y + height, x + width, y + height, palette.Rule));
        cellX = x;
        page.Ops.Add(new RuleOp(cellX, y, cellX, y + height, palette.Rule));
        foreach (var columnWidth in layout.Widths)
        {
            cellX += columnWidth;
            page.Ops.Add(new RuleOp(cellX, y, cellX, y + height, palette.Rule));
        }
        y += height;
        placed = true;
    }

    private void ChartBlock(Chart chart, double x, double width)
    {
        Start(theme.ParagraphSpacing * 2, theme.ChartHeight);
        page.Ops.Add(new ChartOp(chart, new XRect(x, y, width, theme.ChartHeight)));
        y += theme.ChartHeight;
        placed = true;
        pending = theme.ParagraphSpacing * 2;
    }

    /// <summary>
    /// The table of contents: its heading, then one line per section with dot leaders and the
    /// page number, each a link. Page numbers come from the previous pass ("0" in the first).
    /// </summary>
    private void ContentsBlock(double x, double width)
    {
        var size = theme.HeadingSize(1);
        var title = new[] { new TextRun(info.Labels.Contents) };
        var titleWords = InlineText.Words(title, shaper, size, bold: true);
        var titleLines = LineBreaker.Break(titleWords, width, shaper);
        Start(theme.HeadingSpacingBefore, titleLines.Count * size * theme.LineHeight + BodyLine);
        Mark(title, 1, inContents: false, heading: false);
        Flow(titleWords, titleLines, x, width, size, size * theme.LineHeight, palette.Accent, justify: false);
        pending = theme.HeadingSpacingAfter * 1.5;
        var reserve = TextShaper.Width(shaper.Shape("0000", 0, theme.BodySize)) + 16;
        foreach (var (heading, text, level) in contents)
        {
            var pageNumber = previous is not null && heading < previous.Count ? previous[heading].Page + 1 : 0;
            var number = pageNumber.ToString(CultureInfo.InvariantCulture);
            var style = level == 1 ? 1 : 0;
            var indent = level == 1 ? 0 : theme.ListIndent;
            var words = InlineText.Words([new TextRun(text, Bold: level == 1)], shaper, theme.BodySize);
            var lines = LineBreaker.Break(words, width - indent - reserve, shaper);
            if (lines.Count == 0)
                continue;
            Start(level == 1 ? 5 : 1, lines.Count * BodyLine);
            var entryTop = y;
            DrawLines(words, lines, x + indent, width - indent - reserve, theme.BodySize, BodyLine, palette.Text, CellAlignment.Left, justify: false, 0, lines.Count);
            var baseline = y - BodyLine + Baseline(theme.BodySize, BodyLine);
            var numberPieces = shaper.Shape(number, style, theme.BodySize);
            var numberX = x + width - TextShaper.Width(numberPieces);
            var dot = shaper.Shape(".", 0, theme.BodySize)[0];
            var leaderStart = x + indent + lines[^1].Width + dot.Width * 2;
            var leaderEnd = numberX - dot.Width;
            var dots = (int)Math.Floor((leaderEnd - leaderStart) / dot.Width);
            if (dots > 0)
                page.Ops.Add(new TextOp(leaderEnd - dots * dot.Width, baseline, new string('.', dots) + " ", dot.Font, palette.Muted));
            foreach (var piece in numberPieces)
            {
                page.Ops.Add(new TextOp(numberX, baseline, piece.Text, piece.Font, palette.Text));
                numberX += piece.Width;
            }
            page.Ops.Add(new LinkOp(new XRect(x + indent, entryTop, width - indent, y - entryTop), heading));
            placed = true;
            pending = 0;
        }
        pending = theme.ParagraphSpacing;
    }

    /// <summary>The baseline's distance from the top of a line: the text centred in the line height.</summary>
    private double Baseline(double size, double lineHeight) =>
        (lineHeight - (shaper.Ascent + shaper.Descent) * size) / 2 + shaper.Ascent * size;

    /// <summary>
    /// Draws lines <c>[from, from + count)</c> from <see cref="y"/> down, each word with its
    /// trailing space; justified lines spread the rest of the width over the spaces.
    /// </summary>
    private void DrawLines(List<Word> words, List<Line> lines, double x, double width, double size, double lineHeight, XBrush brush, CellAlignment align, bool justify, int from, int count)
    {
        var baselineOffset = Baseline(size, lineHeight);
        for (var l = from; l < from + count; l++)
        {
            var line = lines[l];
            var baseline = y + baselineOffset;
            if (marker is not null)
                DrawMarker(baseline);
            var extra = 0.0;
            var lineX = align switch
            {
                CellAlignment.Right => x + width - line.Width,
                CellAlignment.Center => x + (width - line.Width) / 2,
                _ => x,
            };
            if (justify && line.Justify)
            {
                var gaps = 0;
                for (var w = line.Start; w < line.End - 1; w++)
                {
                    if (words[w].Space)
                        gaps++;
                }
                if (gaps > 0)
                    extra = Math.Max(0, (width - line.Width) / gaps);
            }
            if (extra == 0)
            {
                Merged(words, line, lineX, baseline, brush);
                y += lineHeight;
                continue;
            }
            var order = VisualOrder(words, line);
            for (var i = line.Start; i < line.End; i++)
            {
                var word = words[order is null ? i : order[i - line.Start]];
                var pieces = word.Pieces;
                for (var p = 0; p < pieces.Length; p++)
                {
                    var piece = pieces[p];
                    page.Ops.Add(new TextOp(lineX, baseline, p == pieces.Length - 1 && word.Space ? piece.Spaced : piece.Text, piece.Font, brush));
                    lineX += piece.Width;
                }
                if (word.Space)
                    lineX += word.SpaceWidth + extra;
            }
            y += lineHeight;
        }
    }

    /// <summary>
    /// A line that is not stretched: consecutive words in one font are drawn as one string (with
    /// their spaces), which is much cheaper for PDFsharp than a call per word.
    /// </summary>
    private void Merged(List<Word> words, Line line, double x, double baseline, XBrush brush)
    {
        var text = builder.Clear();
        XFont? font = null;
        var start = x;
        var order = VisualOrder(words, line);
        for (var i = line.Start; i < line.End; i++)
        {
            var word = words[order is null ? i : order[i - line.Start]];
            var pieces = word.Pieces;
            for (var p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                if (!ReferenceEquals(piece.Font, font) && text.Length > 0)
                {
                    page.Ops.Add(new TextOp(start, baseline, text.ToString(), font!, brush));
                    text.Clear();
                }
                if (text.Length == 0)
                    start = x;
                font = piece.Font;
                text.Append(piece.Text);
                x += piece.Width;
                if (p == pieces.Length - 1 && word.Space)
                {
                    text.Append(' ');
                    x += word.SpaceWidth;
                }
            }
        }
        if (text.Length > 0)
            page.Ops.Add(new TextOp(start, baseline, text.ToString(), font!, brush));
    }

    /// <summary>
    /// The word indices of a line in drawing order when it holds right-to-left words (each run
    /// of them reversed, the simplest bidi that keeps a Hebrew phrase readable); else null.
    /// </summary>
    private static int[]? VisualOrder(List<Word> words, Line line)
    {
        var any = false;
        for (var w = line.Start; w < line.End && !any; w++)
            any = words[w].Rtl;
        if (!any)
            return null;
        var order = new int[line.End - line.Start];
        for (var i = 0; i < order.Length; i++)
            order[i] = line.Start + i;
        for (var i = 0; i < order.Length; i++)
        {
            if (!words[order[i]].Rtl)
                continue;
            var end = i;
            while (end + 1 < order.Length && words[order[end + 1]].Rtl)
                end++;
            Array.Reverse(order, i, end - i + 1);
            i = end;
        }
        return order;
    }
}
