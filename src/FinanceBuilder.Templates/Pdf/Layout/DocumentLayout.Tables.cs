using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Tables and charts.</summary>
internal sealed partial class DocumentLayout
{
    /// <summary>The table laid out at a width, once per width (portrait and landscape).</summary>
    private TableLayout Tables(Table table, double width) => memo.Table(table, tableRuns.GetValueOrDefault(table), width);

    private double TableLine(TableLayout layout) => layout.Size * theme.LineHeight;

    private double RowHeight(TableLayout layout, int lines) => lines * TableLine(layout) + theme.CellPadding * 2;

    private double LandscapeWidth => theme.LandscapeContentWidth;

    /// <summary>
    /// Whether a table of the text column would cut a figure or a word on a portrait page (even
    /// shrunk or with years as rows) but keeps them whole on a landscape one: it is turned.
    /// Tables inside lists keep their column.
    /// </summary>
    private bool GoesLandscape(Table table, double width) =>
        table.Rows.Count > 0 && width >= theme.ContentWidth - Epsilon && Tables(table, width).Cuts && !Tables(table, LandscapeWidth).Cuts;

    /// <summary>Whether the headings from <paramref name="index"/> lead straight to a table that goes landscape.</summary>
    private bool LandscapeAhead(IReadOnlyList<ContentBlock> blocks, int index, double width)
    {
        var next = index;
        while (next < blocks.Count && blocks[next] is Heading)
            next++;
        return next < blocks.Count && blocks[next] is Table table && GoesLandscape(table, width);
    }

    /// <summary>Turns to a landscape page (a new one unless this one is landscape and still empty).</summary>
    private void EnterLandscape()
    {
        if (page.Landscape && !placed)
        {
            keepLandscape = true;
            return;
        }
        keepLandscape = true;
        if (!placed && page.Ops.Count == 0)
            Pages.RemoveAt(Pages.Count - 1); // an empty portrait page is replaced, not left blank
        NewPage();
    }

    /// The room a table needs on the page it starts on — a heading before it asks for the same
    /// (Lead), so the two move together. A short table (a third of a page at most: a risk factor,
    /// a cover block) is kept whole rather than split after a row or two; a longer one needs its
    /// header and first row whole (a row is moved, not split, when it fits a page), so a header
    /// never stands alone at the foot of a page.
    private double TableStart(TableLayout layout)
    {
        var headerRows = Math.Clamp(layout.Table.HeaderRows, 0, layout.Table.Rows.Count);
        var headerHeight = Enumerable.Range(0, headerRows).Sum(r => RowHeight(layout, layout.Rows[r].LineCount));
        var first = headerRows < layout.Rows.Length ? RowHeight(layout, layout.Rows[headerRows].LineCount) : 0;
        if (headerHeight + first > BodyHeight)
            first = RowHeight(layout, 2);
        var whole = layout.Rows.Sum(r => RowHeight(layout, r.LineCount));
        return Math.Min(whole <= BodyHeight / 3 ? whole : headerHeight + first, BodyHeight);
    }

    private void TableBlock(Table table, double x, double width)
    {
        if (table.Rows.Count == 0)
            return;
        var landscape = keepLandscape || GoesLandscape(table, width);
        if (landscape)
        {
            if (!keepLandscape)
                EnterLandscape();
            width = LandscapeWidth;
        }
        var layout = Tables(table, width);
        table = layout.Table;
        var headerRows = Math.Clamp(table.HeaderRows, 0, table.Rows.Count);
        var headerHeight = Enumerable.Range(0, headerRows).Sum(r => RowHeight(layout, layout.Rows[r].LineCount));
        // A header taller than a third of the page is not repeated: it would leave no room for rows.
        var repeat = headerRows > 0 && headerHeight <= BodyHeight / 3;
        Start(theme.ParagraphSpacing, TableStart(layout));
        Begin(StructureTag.Table);
        for (var r = 0; r < layout.Rows.Length; r++)
            Row(table, layout, r, x, header: r < headerRows, repeat ? headerRows : 0);
        End();
        pending = theme.ParagraphSpacing * 1.5;
        keepLandscape = false;
    }

    /// <summary>Places a row: whole on this page, else whole on the next, else split between lines.</summary>
    private void Row(Table table, TableLayout layout, int index, double x, bool header, int repeatRows)
    {
        var row = layout.Rows[index];
        var height = RowHeight(layout, row.LineCount);
        var headerHeight = Enumerable.Range(0, repeatRows).Sum(r => RowHeight(layout, layout.Rows[r].LineCount));
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
            var fit = (int)Math.Floor((bottom - y - theme.CellPadding * 2 + Epsilon) / TableLine(layout));
            if (fit <= 0)
            {
                ContinueTable(table, layout, x, header ? 0 : repeatRows);
                fit = Math.Max(1, (int)Math.Floor((bottom - y - theme.CellPadding * 2 + Epsilon) / TableLine(layout)));
            }
            var take = Math.Min(fit, row.LineCount - done);
            RowSlice(table, layout, row, x, header, done, take);
            done += take;
            if (done < row.LineCount)
                ContinueTable(table, layout, x, header ? 0 : repeatRows);
        }
    }

    /// <summary>A new page for the rest of the table, under its header again: a repeat for the
    /// eye, an artifact for the structure (the header rows are in the table once).</summary>
    private void ContinueTable(Table table, TableLayout layout, double x, int headerRows)
    {
        NewPage();
        if (headerRows == 0)
            return;
        page.Ops.Add(ArtifactOp.Instance);
        for (var r = 0; r < headerRows; r++)
            RowSlice(table, layout, layout.Rows[r], x, header: true, 0, layout.Rows[r].LineCount, tagged: false);
        End();
    }

    /// <summary>Draws lines <c>[from, from + count)</c> of every cell of a row, with the row's borders.</summary>
    private void RowSlice(Table table, TableLayout layout, RowLayout row, double x, bool header, int from, int count, bool tagged = true)
    {
        var height = RowHeight(layout, count);
        var width = layout.Widths.Sum();
        if (header)
            page.Ops.Add(new FillOp(new XRect(x, y, width, height), palette.HeaderFill));
        if (tagged)
            Begin(StructureTag.TR);
        var cellX = x;
        var padding = theme.CellPadding;
        var rowTop = y;
        for (var c = 0; c < layout.Widths.Length; c++)
        {
            if (tagged)
                Begin(header ? StructureTag.TH : StructureTag.TD);
            if (c < row.Cells.Length)
            {
                var cell = row.Cells[c];
                var align = c < table.Alignments.Count ? table.Alignments[c] : CellAlignment.Left;
                var take = Math.Min(count, cell.Lines.Count - from);
                if (take > 0)
                {
                    y = rowTop + padding;
                    DrawLines(cell.Words, cell.Lines, cellX + padding, layout.Widths[c] - padding * 2, layout.Size, TableLine(layout), palette.Text, align, from, take);
                }
            }
            if (tagged)
                End();
            cellX += layout.Widths[c];
        }
        if (tagged)
            End();
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
}
