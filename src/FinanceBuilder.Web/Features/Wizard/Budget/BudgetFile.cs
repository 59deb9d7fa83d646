using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// A budget file as rows of cells. The kind comes from the bytes, never from the name: an XLSX
/// file is a zip package, anything else must be UTF-8 text (CSV with ";" or ",", BOM or not).
public static class BudgetFile
{
    public const int MaxBytes = 1024 * 1024;
    /// What the XLSX package may unpack to: a budget of 2,000 rows is far below; a zip bomb is not.
    private const long MaxUnpackedBytes = 20L * 1024 * 1024;
    private const int MaxEntries = 200;

    public sealed record Result(List<IReadOnlyList<BudgetCell>>? Table, string? Error);

    public static Result Read(byte[] bytes, CultureInfo culture)
    {
        if (bytes.Length == 0)
            return new Result(null, BudgetText.Get("Import.Empty", culture));
        if (bytes.Length > MaxBytes)
            return new Result(null, BudgetText.Format(culture, "Import.TooBig", MaxBytes / 1024));
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
            return Xlsx(bytes, culture);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            return new Result(null, BudgetText.Get("Import.NotText", culture));
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new Result(null, BudgetText.Get("Import.NotUtf8", culture));
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        return new Result(DelimitedText.Parse(text, DelimitedText.SeparatorOf(text)), null);
    }

    private static Result Xlsx(byte[] bytes, CultureInfo culture)
    {
        var unreadable = new Result(null, BudgetText.Get("Import.BadXlsx", culture));
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    return unreadable;
            }
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } relation || workbook.GetPartById(relation) is not WorksheetPart part)
                return unreadable;
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var table = new List<IReadOnlyList<BudgetCell>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var index = (int)(row.RowIndex?.Value ?? (uint)table.Count + 1);
                if (index > BudgetTable.MaxRows + 50)
                    return new Result(null, BudgetText.Format(culture, "Error.TooManyRows", index, BudgetTable.MaxRows));
                while (table.Count < index - 1)
                    table.Add([]);
                var cells = new List<BudgetCell>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column >= BudgetTable.MaxColumns)
                        return new Result(null, BudgetText.Format(culture, "Error.TooManyColumns", column + 1, BudgetTable.MaxColumns));
                    while (cells.Count < column)
                        cells.Add(new BudgetCell(""));
                    cells.Add(Value(cell, strings));
                }
                table.Add(cells);
            }
            return new Result(table, null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return unreadable;
        }
    }

    private static BudgetCell Value(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new BudgetCell(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "");
        if (type == CellValues.InlineString)
            return new BudgetCell(cell.InlineString?.InnerText ?? "");
        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
            return new BudgetCell(raw);
        // A number as the file stores it (invariant, maybe with an exponent): no language applies.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new BudgetCell(raw, number)
            : new BudgetCell(raw);
    }

    /// "C7" → 2.
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter).Take(3)) // XFD, the last column, has three letters
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index == 0 ? null : index - 1;
    }
}
