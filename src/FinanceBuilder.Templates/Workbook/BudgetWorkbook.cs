using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// Writes the budget workbook (XLSX): the lines, and summaries by component, by source and
/// instrument, and by component and year. Every total is a live formula that also carries the
/// value computed here, so the numbers are right in viewers that never recalculate, and Excel
/// recalculates on opening anyway. Text is only ever cell text, never a formula.
/// </summary>
public static class BudgetWorkbook
{
    /// <summary>The media type of the file written.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the workbook to a stream (which is left open).</summary>
    public static void Write(BudgetSheet sheet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek || !output.CanRead)
        {
            // The package needs to seek while it writes: a response body cannot.
            using var buffer = new MemoryStream();
            Write(sheet, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        var rows = new BudgetRows(sheet);
        var labels = sheet.Labels;
        var english = BudgetSheetLabels.English;
        var taken = new List<string>();
        var linesName = SheetNames.Clean(labels.LinesSheet, taken, english.LinesSheet);
        var sums = new LineSums(rows, linesName);
        var strings = new SharedStrings();

        var sheets = new List<(string Name, SheetBuilder Builder, string? Filter)>
        {
            (linesName, LinesSheet.Build(sheet, rows, sums, strings), LinesSheet.FilterRange(sums)),
            (SheetNames.Clean(labels.ComponentSheet, taken, english.ComponentSheet), ComponentSheet.Build(sheet, rows, sums, strings), null),
            (SheetNames.Clean(labels.SourceSheet, taken, english.SourceSheet), SourceSheet.Build(sheet, rows, sums, strings), null),
        };
        if (rows.Years.Count > 0)
            sheets.Add((SheetNames.Clean(labels.YearSheet, taken, english.YearSheet), YearSheet.Build(sheet, rows, sums, strings), null));

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = CellText.Clean(sheet.Title);
        document.PackageProperties.Language = CellText.Clean(sheet.Language);
        document.PackageProperties.Creator = "FinanceBuilder";

        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
        var sheetList = new Spreadsheet.Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var stream = part.GetStream(FileMode.Create))
                sheets[i].Builder.WriteTo(stream, selected: i == 0, sheets[i].Filter, sheet.DraftMark);
            sheetList.Append(new Spreadsheet.Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
        }
        using (var stream = workbookPart.AddNewPart<SharedStringTablePart>().GetStream(FileMode.Create))
            strings.WriteTo(stream);

        // Excel keeps an autofilter's range in this hidden name; without it Excel repairs the file.
        var filter = new Spreadsheet.DefinedName(SheetNames.Reference(linesName) + "!" + Absolute(LinesSheet.FilterRange(sums)))
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = 0,
            Hidden = true,
        };
        workbookPart.Workbook = new Spreadsheet.Workbook(
            new Spreadsheet.BookViews(new Spreadsheet.WorkbookView()),
            sheetList,
            new Spreadsheet.DefinedNames(filter),
            // The cached values are right, but a spreadsheet that recalculates should not trust them.
            new Spreadsheet.CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r => "$" + string.Concat(r.TakeWhile(char.IsLetter)) + "$" + string.Concat(r.SkipWhile(char.IsLetter))));
}
