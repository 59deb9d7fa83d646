using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// Writes the budget workbook (XLSX) in the shape of the GCF's detailed budget plan (Annex 4):
/// the detailed budget by item and year, its summary by component, source and expenditure type
/// and year, the AE fee and project-management cost, and the exchange rates every converted
/// amount is computed from. Every converted amount and total is a live formula over Excel tables
/// that also carries the value computed here, so the numbers are right in viewers that never
/// recalculate, and Excel recalculates on opening anyway. Text is only ever cell text, never a
/// formula.
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
        var strings = new SharedStrings();
        var detailName = SheetNames.Clean(labels.DetailSheet, taken, english.DetailSheet);
        var summaryName = SheetNames.Clean(labels.SummarySheet, taken, english.SummarySheet);
        var feesName = SheetNames.Clean(labels.FeesSheet, taken, english.FeesSheet);
        var ratesName = SheetNames.Clean(labels.RatesSheet, taken, english.RatesSheet);
        var rates = RatesSheet.Declare(sheet, rows, strings);
        var detail = DetailSheet.Build(sheet, rows, rates.Table, rates.CurrencyColumn, rates.UsedColumn, strings);

        var sheets = new List<(string Name, SheetBuilder Builder, ExcelTable? Table)>
        {
            (detailName, detail.Builder, detail.Table),
            (summaryName, SummarySheet.Build(sheet, rows, detail, strings), null),
            (feesName, FeesSheet.Build(sheet, rows, detail, rates, strings), null),
            (ratesName, rates.Builder, rates.Table),
        };

        var (document, workbookPart, sheetList) = WorkbookParts.Create(output, sheet.Title, sheet.Language,
            [.. sheets.Select(s => new BuiltSheet(s.Name, s.Builder, s.Table, FrozenHeader: s.Table is not null))], strings, sheet.DraftMark);
        using var package = document;

        // Printed, every page of the detailed budget and the rates repeats their header row.
        var printTitles = new Spreadsheet.DefinedNames(
            sheets.Select((s, i) => (s, i)).Where(x => x.s.Table is not null).Select(x => new Spreadsheet.DefinedName(SheetNames.Reference(x.s.Name) + "!$1:$1")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)x.i,
            }));
        workbookPart.Workbook = new Spreadsheet.Workbook(
            new Spreadsheet.BookViews(new Spreadsheet.WorkbookView()),
            sheetList,
            printTitles,
            // The cached values are right, but a spreadsheet that recalculates should not trust them.
            new Spreadsheet.CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
    }
}
