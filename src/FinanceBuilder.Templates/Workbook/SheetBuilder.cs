using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// Writes one worksheet row by row, left to right, and remembers how wide each column needs to
/// be. Every value goes through one of three doors: text (shared strings), numbers, and
/// formulas with the value they compute, so a viewer that does not recalculate shows it.
/// </summary>
internal sealed class SheetBuilder(SharedStrings strings)
{
    private const double MinWidth = 8;
    private const double MaxWidth = 60;

    private readonly SheetData data = new();
    private readonly List<int> widths = [];
    private Row? row;
    private int column;

    /// <summary>The 1-based index of the current row.</summary>
    public int RowIndex { get; private set; }

    public void NewRow()
    {
        RowIndex++;
        row = new Row { RowIndex = (uint)RowIndex };
        data.Append(row);
        column = 0;
    }

    public void Skip() => column++;

    public void Text(string? value, bool bold = false)
    {
        var text = CellText.Clean(value);
        var cell = Next(text.Length, WorkbookStyles.ForText(bold, CellText.LooksLikeFormula(text)));
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture));
    }

    public void Number(decimal value, uint style)
    {
        var cell = Next(Width(value, style), style);
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Formula(string formula, decimal cached, uint style)
    {
        var cell = Next(Width(cached, style), style);
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cached.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The sheet, with the header row frozen and, when given, an autofilter on a range.</summary>
    public Worksheet Build(bool selected, string? autoFilter)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (selected)
            view.TabSelected = true;
        // The header row stays in view while the lines scroll.
        view.Append(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new() { InnerText = "A2" } });
        var worksheet = new Worksheet(new SheetViews(view), new SheetFormatProperties { DefaultRowHeight = 15 });
        if (widths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
            {
                var width = Math.Clamp(widths[i] * 1.1 + 2, MinWidth, MaxWidth);
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(width, 1), CustomWidth = true });
            }
            worksheet.Append(columns);
        }
        worksheet.Append(data);
        if (autoFilter is not null)
            worksheet.Append(new AutoFilter { Reference = autoFilter });
        return worksheet;
    }

    /// <summary>The column letters of a 0-based column index: 0 → A, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private Cell Next(int width, uint style)
    {
        if (row is null)
            throw new InvalidOperationException("NewRow must be called before the first cell.");
        while (widths.Count <= column)
            widths.Add(0);
        // A long description should wrap the view at MaxWidth, not stretch the column.
        widths[column] = Math.Max(widths[column], Math.Min(width, (int)MaxWidth));
        var cell = new Cell { CellReference = ColumnName(column) + RowIndex.ToString(CultureInfo.InvariantCulture) };
        if (style != WorkbookStyles.Text)
            cell.StyleIndex = style;
        row.Append(cell);
        column++;
        return cell;
    }

    private static int Width(decimal value, uint style) =>
        style is WorkbookStyles.Amount or WorkbookStyles.BoldAmount
            ? value.ToString("#,##0.00", CultureInfo.InvariantCulture).Length
            : value.ToString(CultureInfo.InvariantCulture).Length;
}
