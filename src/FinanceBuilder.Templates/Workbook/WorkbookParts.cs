using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>A sheet ready to be written: its builder, its Excel table if any, whether its header row is frozen.</summary>
internal sealed record BuiltSheet(string Name, SheetBuilder Builder, ExcelTable? Table, bool FrozenHeader);

/// <summary>
/// The package both workbooks share (the budget's and the annual report's): properties, styles,
/// one worksheet part per sheet with its table part, and the shared strings. The caller adds its
/// own workbook element (defined names, calculation) and disposes the document.
/// </summary>
internal static class WorkbookParts
{
    public static (SpreadsheetDocument Document, WorkbookPart Part, Spreadsheet.Sheets Sheets) Create(
        Stream output, string title, string language, IReadOnlyList<BuiltSheet> sheets, SharedStrings strings, string? draftMark)
    {
        var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = CellText.Clean(title);
        document.PackageProperties.Language = CellText.Clean(language);
        document.PackageProperties.Creator = "FinanceBuilder";
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
        var sheetList = new Spreadsheet.Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var part = workbookPart.AddNewPart<WorksheetPart>();
            if (sheet.Table is not null)
            {
                var tablePart = part.AddNewPart<TableDefinitionPart>();
                using (var stream = tablePart.GetStream(FileMode.Create))
                    sheet.Table.WriteTo(stream);
                sheet.Builder.TableParts.Add(part.GetIdOfPart(tablePart));
            }
            using (var stream = part.GetStream(FileMode.Create))
                sheet.Builder.WriteTo(stream, selected: i == 0, frozenHeader: sheet.FrozenHeader, draftMark);
            sheetList.Append(new Spreadsheet.Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
        }
        using (var stream = workbookPart.AddNewPart<SharedStringTablePart>().GetStream(FileMode.Create))
            strings.WriteTo(stream);
        return (document, workbookPart, sheetList);
    }
}
