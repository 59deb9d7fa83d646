using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// Tables: full width in the "Table Grid" style, header rows repeated on every page and shaded,
/// column widths shared out by how much text each column holds (Word's autofit refines them;
/// LibreOffice keeps them), figures right-aligned per column.
/// </summary>
internal static class DocxTables
{
    // A row taller than about a third of a page is allowed to split across pages: keeping it
    // whole would push it to the next page and, if longer than a page, Word would clip it.
    private const int MaxLinesForUnsplittableRow = 12;

    /// <summary>
    /// Whether the PDF turns this table onto a landscape page (it would cut a figure or a word in
    /// portrait, and does not in landscape): the DOCX gives it a landscape section alike.
    /// </summary>
    public static bool GoesLandscape(Content.Table table, DocumentTheme theme, Pdf.Layout.TextShaper shaper) =>
        table.Rows.Count > 0
        && Pdf.Layout.TableLayout.Fit(table, shaper, theme, theme.ContentWidth).Cuts
        && !Pdf.Layout.TableLayout.Fit(table, shaper, theme, theme.LandscapeContentWidth).Cuts;

    public static Table Build(Content.Table table, DocumentTheme theme, Pdf.Layout.TextShaper shaper, bool landscape = false, Pdf.Layout.TableLayout? fit = null)
    {
        // The PDF's fit: the table as drawn (years as rows when that keeps figures whole), its
        // text size and its column widths, each column at least as wide as its longest word
        // (or the fit of its run of tables, given by the caller, with the run's shared widths).
        fit ??= Pdf.Layout.TableLayout.Fit(table, shaper, theme, landscape ? theme.LandscapeContentWidth : theme.ContentWidth);
        table = fit.Table;
        var columns = Math.Max(1, table.Rows.Count == 0 ? 1 : table.Rows.Max(r => r.Count));
        var widths = fit.Widths.Length == columns ? WithSlack(fit.Widths, fit.Minimums) : ColumnWidths(table, columns, theme);
        double? size = fit.Size < theme.TableSize ? fit.Size : null;
        var element = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = DocxStyles.TableGrid },
                TableWidth = new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                TableLayout = new TableLayout { Type = TableLayoutValues.Autofit },
                TableLook = new TableLook { Val = "04A0", FirstRow = table.HeaderRows > 0, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = DocxUnits.TwipsText(w) })));
        var chars = widths.Select(w => Math.Max(4, w / (theme.TableSize * 0.5))).ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var header = r < table.HeaderRows;
            var cells = table.Rows[r];
            var row = new TableRow();
            var properties = new TableRowProperties();
            if (header)
                properties.Append(new TableHeader());
            if (Lines(cells, chars) <= MaxLinesForUnsplittableRow)
                properties.Append(new CantSplit());
            if (properties.HasChildren)
                row.Append(properties);
            for (var c = 0; c < columns; c++)
            {
                var runs = c < cells.Count ? cells[c] : [];
                var align = c < table.Alignments.Count ? table.Alignments[c] : CellAlignment.Left;
                var paragraph = new Paragraph(new ParagraphProperties
                {
                    ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.TableText },
                    // Header rows stay with the first body row: never alone at the foot of a page.
                    KeepNext = header ? new KeepNext() : null,
                    Justification = align switch
                    {
                        CellAlignment.Right => new Justification { Val = JustificationValues.Right },
                        CellAlignment.Center => new Justification { Val = JustificationValues.Center },
                        _ => null,
                    },
                });
                DocxRuns.Append(paragraph, runs, bold: header, size: size);
                var cellProperties = new TableCellProperties
                {
                    TableCellWidth = new TableCellWidth { Width = DocxUnits.TwipsText(widths[c]), Type = TableWidthUnitValues.Dxa },
                    Shading = header ? new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = theme.TableHeaderFill } : null,
                    TableCellVerticalAlignment = header ? new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom } : null,
                };
                row.Append(new TableCell(cellProperties, paragraph));
            }
            element.Append(row);
        }
        return element;
    }

    /// <summary>Points a column keeps beyond its longest word in the DOCX (see WithSlack).</summary>
    internal const double Slack = 2;

    /// <summary>
    /// The PDF's widths, with every column at least Slack wider than its longest word: Word and
    /// LibreOffice measure text a little differently from our shaper and scale the grid to the
    /// table's width, so a column fitted to the exact width of "Contrepartie" breaks it there.
    /// The points come from the columns with the most room; where no column has room (a table
    /// at its floor size), the widths stay as they are.
    /// </summary>
    internal static double[] WithSlack(double[] widths, double[] minimums)
    {
        var result = (double[])widths.Clone();
        for (var c = 0; c < result.Length; c++)
        {
            var missing = minimums[c] + Slack - result[c];
            if (missing <= 0)
                continue;
            var donor = Enumerable.Range(0, result.Length).Where(d => d != c).OrderByDescending(d => result[d] - minimums[d] - Slack).FirstOrDefault(-1);
            if (donor < 0 || result[donor] - minimums[donor] - Slack < missing)
                continue;
            result[donor] -= missing;
            result[c] += missing;
        }
        return result;
    }

    /// <summary>
    /// Column widths in points: a share of the text width by the longest line in each column
    /// (within bounds), but never narrower than the column's longest word, so a figure such as
    /// "12,000,000" is not broken between digits next to wide text columns. LibreOffice keeps
    /// these widths; Word's autofit starts from them.
    /// </summary>
    internal static double[] ColumnWidths(Content.Table table, int columns, DocumentTheme theme)
    {
        var weights = new double[columns];
        var minimums = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var longest = 0;
            var longestWord = 0;
            foreach (var row in table.Rows)
            {
                if (c >= row.Count)
                    continue;
                // The longest line, not the whole text: "\n" already breaks it.
                foreach (var line in DocxRuns.Plain(row[c]).Split('\n'))
                {
                    longest = Math.Max(longest, line.Length);
                    foreach (var word in line.Split(' ', '\t'))
                        longestWord = Math.Max(longestWord, word.Length);
                }
            }
            weights[c] = Math.Clamp(longest, 4, 40);
            // 0.55 em per character: digits and capitals are wider than average prose.
            minimums[c] = Math.Min(longestWord, 30) * theme.TableSize * 0.55 + theme.CellPadding * 2 + 2;
        }
        var width = theme.ContentWidth;
        var minimumTotal = minimums.Sum();
        if (minimumTotal >= width)
            return minimums.Select(m => width * m / minimumTotal).ToArray();
        // Columns the proportional share would make too narrow are fixed at their minimum, and
        // the rest of the width is shared again among the others, until no column is too narrow.
        var widths = new double[columns];
        var fixedColumns = new bool[columns];
        while (true)
        {
            var free = width - Enumerable.Range(0, columns).Where(c => fixedColumns[c]).Sum(c => minimums[c]);
            var freeWeight = Enumerable.Range(0, columns).Where(c => !fixedColumns[c]).Sum(c => weights[c]);
            var changed = false;
            for (var c = 0; c < columns; c++)
            {
                widths[c] = fixedColumns[c] ? minimums[c] : free * weights[c] / freeWeight;
                if (!fixedColumns[c] && widths[c] < minimums[c])
                {
                    fixedColumns[c] = true;
                    changed = true;
                }
            }
            if (!changed)
                return widths;
        }
    }

    /// <summary>About how many lines the tallest cell of a row takes.</summary>
    private static int Lines(IReadOnlyList<IReadOnlyList<TextRun>> cells, double[] charsPerLine)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count && c < charsPerLine.Length; c++)
        {
            var cellLines = 0;
            foreach (var line in DocxRuns.Plain(cells[c]).Split('\n'))
                cellLines += 1 + (int)(line.Length / charsPerLine[c]);
            lines = Math.Max(lines, cellLines);
        }
        return lines;
    }
}
