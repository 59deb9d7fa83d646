using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// A written workbook opened again: its sheets by name, cells by reference, and what the validator says.
internal sealed class WorkbookReader : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;
    private readonly string[] strings;

    private WorkbookReader(MemoryStream stream)
    {
        this.stream = stream;
        document = SpreadsheetDocument.Open(stream, isEditable: false);
        strings = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => Unescape(i.InnerText)).ToArray() ?? [];
    }

    public static WorkbookReader Write(BudgetSheet sheet)
    {
        var stream = new MemoryStream();
        BudgetWorkbook.Write(sheet, stream);
        stream.Position = 0;
        return new WorkbookReader(stream);
    }

    public byte[] Bytes => stream.ToArray();

    public SpreadsheetDocument Document => document;

    public IReadOnlyList<string> SheetNames =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public IReadOnlyList<ValidationErrorInfo> Errors() => new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public Cell? Cell(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public IEnumerable<Cell> Cells(string sheet) => Sheet(sheet).Descendants<Cell>();

    public string Text(Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
        : throw new InvalidOperationException($"{cell.CellReference} is not a shared string.");

    public static decimal Number(Cell cell) => decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public bool QuotePrefixed(Cell cell)
    {
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return formats[(int)(cell.StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true;
    }

    /// The last row of a sheet: the totals row of every sheet.
    public Row LastRow(string sheet) => Sheet(sheet).Descendants<Row>().Last();

    /// What a spreadsheet shows for a shared string: "_x0041_" is "A", "_x005F_" an underscore.
    private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Replace(
        text, "_x([0-9A-Fa-f]{4})_", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }
}
