using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>One cell: its words and lines at the column's width.</summary>
internal sealed record CellLayout(List<Word> Words, List<Line> Lines);

/// <summary>One row: its cells (fewer than the columns when the row is short) and its height in lines.</summary>
internal sealed record RowLayout(CellLayout[] Cells, int LineCount);

/// <summary>
/// Column widths from the content, like HTML's automatic table layout: each column needs at
/// least its longest word and would like its unbroken width; the text width is shared between
/// the two. Then every cell is broken into lines at its column's width.
/// </summary>
internal sealed class TableLayout
{
    private TableLayout(Table table, double[] widths, double[] minimums, double[] naturals, RowLayout[] rows, double size, bool cuts)
    {
        Table = table;
        Widths = widths;
        Minimums = minimums;
        Naturals = naturals;
        Rows = rows;
        Size = size;
        Cuts = cuts;
    }

    /// <summary>The table as drawn: the one given, or the same with rows and columns swapped.</summary>
    public Table Table { get; }

    /// <summary>Whether some word is still wider than its column at the floor size, so the
    /// line breaker cuts it between characters.</summary>
    public bool Cuts { get; }

    /// <summary>The text size of this table: the theme's, or smaller so that every column holds
    /// its longest word (a figure, an amount with its currency, a date) on one line.</summary>
    public double Size { get; }

    /// <summary>The width of each column, padding included.</summary>
    public double[] Widths { get; }

    /// <summary>The width each column needs for its longest word, padding included.</summary>
    public double[] Minimums { get; }

    /// <summary>The width each column would take with no line broken, padding included.</summary>
    public double[] Naturals { get; }

    /// <summary>The rows, header rows first.</summary>
    public RowLayout[] Rows { get; }

    public static TableLayout Build(Table table, TextShaper shaper, DocumentTheme theme, double width)
    {
        var columns = Math.Max(1, table.Rows.Count == 0 ? 1 : table.Rows.Max(r => r.Count));
        var padding = theme.CellPadding * 2;
        var size = theme.TableSize;
        var words = Measure(table, shaper, size);
        // Text widths scale with the size: the size at which the longest words of all columns
        // fit side by side, within the theme's floor. Below the floor, words are still cut
        // (the last resort of LineBreaker) rather than drawn unreadably small.
        var longest = new double[columns];
        foreach (var row in words)
            for (var c = 0; c < row.Length; c++)
                longest[c] = Math.Max(longest[c], LineBreaker.LongestWord(row[c]));
        var room = width - columns * (padding + 0.5);
        if (longest.Sum() > room && room > 0)
        {
            // In half points: the DOCX states sizes in half points, so both draw the same size.
            var fitting = Math.Floor(size * room / longest.Sum() * 2) / 2;
            size = Math.Max(theme.TableMinSize, Math.Min(size, fitting));
            words = Measure(table, shaper, size);
        }
        var min = new double[columns];
        var max = new double[columns];
        foreach (var row in words)
        {
            for (var c = 0; c < row.Length; c++)
            {
                min[c] = Math.Max(min[c], LineBreaker.LongestWord(row[c]) + padding);
                max[c] = Math.Max(max[c], LineBreaker.NaturalWidth(row[c]) + padding);
            }
        }
        var needed = (double[])min.Clone(); // ShareWidth caps the minimums it cannot give
        var naturals = (double[])max.Clone();
        var widths = ShareWidth(min, max, width, padding);
        var cuts = false;
        for (var c = 0; c < columns; c++)
            cuts |= needed[c] > widths[c] + 0.01;
        var rows = new RowLayout[table.Rows.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = new CellLayout[words[r].Length];
            var lines = 0;
            for (var c = 0; c < cells.Length; c++)
            {
                var cellLines = LineBreaker.Break(words[r][c], widths[c] - padding, shaper);
                cells[c] = new CellLayout(words[r][c], cellLines);
                lines = Math.Max(lines, cellLines.Count);
            }
            rows[r] = new RowLayout(cells, Math.Max(1, lines));
        }
        return new TableLayout(table, widths, needed, naturals, rows, size, cuts);
    }

    /// <summary>
    /// Lays the table out as given, or, when that would cut a figure or a word and the table
    /// is wider than long (a budget by year over ten years), with its rows and columns swapped
    /// (years as rows) if that keeps every word whole. The corner cell is left empty then: it
    /// named the first column, which is now the header row.
    /// </summary>
    public static TableLayout Fit(Table table, TextShaper shaper, DocumentTheme theme, double width)
    {
        var layout = Build(table, shaper, theme, width);
        if (!layout.Cuts || table.HeaderRows != 1 || table.Rows.Count < 2 || table.Rows.Count >= table.Rows.Max(r => r.Count))
            return layout;
        var swapped = Build(Transpose(table), shaper, theme, width);
        return swapped.Cuts ? layout : swapped;
    }

    /// <summary>
    /// Tables that follow one another with the same columns (the risk register: one table per
    /// risk factor) are laid out with the same column widths, shared from all their contents, so
    /// they read as one register rather than a column edge that moves from table to table. Only
    /// tables each drawn as given (not turned, not cut) at the same text size are aligned; any
    /// other keeps its own fit.
    /// </summary>
    public static IReadOnlyList<TableLayout> FitGroup(IReadOnlyList<Table> tables, TextShaper shaper, DocumentTheme theme, double width)
    {
        var alone = tables.Select(t => Fit(t, shaper, theme, width)).ToList();
        if (alone.Count < 2
            || alone.Where((l, i) => l.Cuts || !ReferenceEquals(l.Table, tables[i])).Any()
            || alone.Select(l => l.Widths.Length).Distinct().Count() > 1
            || alone.Select(l => l.Size).Distinct().Count() > 1)
            return alone;
        var columns = alone[0].Widths.Length;
        var padding = theme.CellPadding * 2;
        var min = Enumerable.Range(0, columns).Select(c => alone.Max(l => l.Minimums[c])).ToArray();
        var max = Enumerable.Range(0, columns).Select(c => alone.Max(l => l.Naturals[c])).ToArray();
        if (min.Sum() > width)
            return alone;
        var widths = ShareWidth(min, max, width, padding);
        return alone.Select(l => l.WithWidths(widths, shaper, padding)).ToList();
    }

    /// <summary>The same table with other column widths (each at least its longest word): its lines broken again.</summary>
    private TableLayout WithWidths(double[] widths, TextShaper shaper, double padding)
    {
        var rows = Rows.Select(row =>
        {
            var cells = row.Cells.Select((cell, c) => new CellLayout(cell.Words, LineBreaker.Break(cell.Words, widths[c] - padding, shaper))).ToArray();
            return new RowLayout(cells, Math.Max(1, cells.Select(cell => cell.Lines.Count).DefaultIfEmpty(1).Max()));
        }).ToArray();
        return new TableLayout(Table, widths, Minimums, Naturals, rows, Size, Cuts);
    }

    internal static Table Transpose(Table table)
    {
        var columns = table.Rows.Max(r => r.Count);
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>>(columns);
        for (var c = 0; c < columns; c++)
        {
            var row = new List<IReadOnlyList<TextRun>>(table.Rows.Count);
            for (var r = 0; r < table.Rows.Count; r++)
                row.Add(c == 0 && r == 0 ? [] : c < table.Rows[r].Count ? table.Rows[r][c] : []);
            rows.Add(row);
        }
        // The old first column (names) heads the new columns; the figures' alignment follows
        // them: the alignment of the old columns' majority (right for amounts).
        var figures = table.Alignments.Skip(1).GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(CellAlignment.Left);
        var alignments = new[] { CellAlignment.Left }.Concat(Enumerable.Repeat(figures, table.Rows.Count - 1)).ToList();
        return new Table(rows, 1, alignments);
    }

    private static List<Word>[][] Measure(Table table, TextShaper shaper, double size)
    {
        var words = new List<Word>[table.Rows.Count][];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            words[r] = new List<Word>[row.Count];
            for (var c = 0; c < row.Count; c++)
                words[r][c] = InlineText.Words(row[c], shaper, size, bold: r < table.HeaderRows);
        }
        return words;
    }

    /// <summary>Shares <paramref name="width"/> between columns from their minimum and maximum widths.</summary>
    internal static double[] ShareWidth(double[] min, double[] max, double width, double padding)
    {
        var columns = min.Length;
        for (var c = 0; c < columns; c++)
        {
            min[c] = Math.Max(min[c], padding + 6);
            max[c] = Math.Max(max[c], min[c]);
        }
        // A column with one huge word (a 200-character identifier) must not crowd out the others:
        // no column's minimum may exceed an even share when the minimums do not fit.
        if (min.Sum() > width)
        {
            for (var c = 0; c < columns; c++)
                min[c] = Math.Min(min[c], width / columns);
        }
        var minSum = min.Sum();
        var maxSum = max.Sum();
        var widths = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            if (maxSum <= width)
                widths[c] = max[c] + (width - maxSum) * max[c] / maxSum; // full width, shared by content
            else if (maxSum - minSum < 0.001)
                widths[c] = min[c] * width / minSum;
            else
                widths[c] = min[c] + (max[c] - min[c]) * (width - minSum) / (maxSum - minSum);
        }
        return widths;
    }
}
