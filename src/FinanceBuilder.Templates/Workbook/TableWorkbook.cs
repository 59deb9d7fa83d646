using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>A cell of a <see cref="TableSheet"/>: text, a number, or a date; null is an empty cell.</summary>
public sealed record TableCell
{
    /// <summary>The text of a text cell.</summary>
    public string? Text { get; init; }

    /// <summary>The value of a number cell.</summary>
    public decimal? Number { get; init; }

    /// <summary>The value of a date cell.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A whole number (no decimals shown) rather than an amount.</summary>
    public bool IsWhole { get; init; }

    /// <summary>A text cell.</summary>
    public static TableCell Of(string? text) => new() { Text = text };

    /// <summary>An amount or measured value (two decimals at most shown, grouped).</summary>
    public static TableCell Of(decimal? number) => new() { Number = number };

    /// <summary>A date cell.</summary>
    public static TableCell Of(DateOnly? date) => new() { Date = date };

    /// <summary>A year, a count.</summary>
    public static TableCell Whole(long? number) => new() { Number = number, IsWhole = true };
}

/// <summary>One sheet: a table with a header row and rows of cells, filterable in a spreadsheet.</summary>
public sealed record TableSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<TableCell>> Rows);

/// <summary>
/// A workbook of plain tables, one per sheet (the monitoring report's indicator values and
/// financials): each sheet's header row is frozen and printed on every page, and its rows form an
/// Excel table so that a reader can filter and total them. Text is written as text, never read as
/// a formula.
/// </summary>
public static class TableWorkbook
{
    /// <summary>Writes the workbook to a stream (which is left open).</summary>
    public static void Write(IReadOnlyList<TableSheet> sheets, string title, string language, string? draftMark, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            Write(sheets, title, language, draftMark, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        var strings = new SharedStrings();
        var taken = new List<string>();
        var built = new List<(string Name, SheetBuilder Builder, ExcelTable? Table)>();
        for (var s = 0; s < sheets.Count; s++)
        {
            var sheet = sheets[s];
            var name = SheetNames.Clean(sheet.Name, taken, "Sheet" + (s + 1));
            var headers = ExcelTable.UniqueNames(sheet.Headers);
            var builder = new SheetBuilder(strings);
            builder.NewRow();
            foreach (var header in headers)
                builder.Label(header, WorkbookStyles.Header);
            foreach (var row in sheet.Rows)
            {
                builder.NewRow();
                for (var c = 0; c < headers.Count; c++)
                {
                    var cell = c < row.Count ? row[c] : null;
                    if (cell?.Number is { } number)
                        builder.Number(number, cell.IsWhole ? WorkbookStyles.Integer : WorkbookStyles.Number);
                    else if (cell?.Date is { } date)
                        builder.Date(date);
                    else if (cell?.Text is { Length: > 0 } text)
                        builder.Text(text, wrap: text.Length > WorkbookStyles.WrappedWidth);
                    else
                        builder.Skip();
                }
            }
            // An Excel table needs a data row; an empty sheet keeps its header alone.
            var table = sheet.Rows.Count > 0
                ? new ExcelTable(s + 1, "Table" + (s + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), headers.Select(h => new TableColumn(h)).ToList(), firstRow: 1, dataRows: sheet.Rows.Count, totalsRow: false)
                : null;
            built.Add((name, builder, table));
        }

        var (document, workbookPart, sheetList) = WorkbookParts.Create(output, title, language,
            [.. built.Select(s => new BuiltSheet(s.Name, s.Builder, s.Table, FrozenHeader: true))], strings, draftMark);
        using var package = document;
        workbookPart.Workbook = new Spreadsheet.Workbook(
            new Spreadsheet.BookViews(new Spreadsheet.WorkbookView()),
            sheetList,
            new Spreadsheet.DefinedNames(built.Select((s, i) => new Spreadsheet.DefinedName(SheetNames.Reference(s.Name) + "!$1:$1")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)i,
            })));
    }
}
