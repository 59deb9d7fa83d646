using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// The budget workbook has the shape of the GCF's detailed budget plan (Annex 4): valid Open XML,
/// an Excel table of items whose converted amounts are formulas of the exchange-rate table, and
/// summaries whose every figure is a formula over the whole table, its value cached. The small
/// budget: items in USD, GHS (10 per USD, given that way round) and EUR (1.1 USD each).
public sealed class BudgetWorkbookTests
{
    private const decimal SmallTotal = 200_000.50m + 31_024.043m + 250_000m + 45_000m + 11_000m;

    private static void AssertValid(WorkbookReader workbook)
    {
        var errors = workbook.Errors();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    private static Table TableOf(WorkbookReader workbook, string sheet)
    {
        var part = workbook.Document.WorkbookPart!.WorksheetParts.Single(p => p.Worksheet == workbook.Sheet(sheet));
        return part.TableDefinitionParts.Single().Table;
    }

    private static string NumberFormat(WorkbookReader workbook, Cell cell)
    {
        var styles = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var id = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0)).NumberFormatId!.Value;
        return styles.NumberingFormats!.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value ?? $"builtin {id}";
    }

    [Fact]
    public void Small_IsValid_WithTheFourSheetsOfAnnex4()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        AssertValid(workbook);
        Assert.Equal(["Detailed budget", "Summary", "AE fee and PMC", "Exchange rates"], workbook.SheetNames);
    }

    [Fact]
    public void Draft_PrintsItsMark_AtTheTopOfEveryPageOfEverySheet()
    {
        using var draft = WorkbookReader.Write(BudgetSheets.Small() with { DraftMark = "BROUILLON & co" });
        using var final = WorkbookReader.Write(BudgetSheets.Small());

        AssertValid(draft);
        Assert.All(draft.SheetNames, name => Assert.Equal("&C&\"-,Bold\"BROUILLON && co", draft.Sheet(name).GetFirstChild<HeaderFooter>()?.OddHeader?.Text));
        Assert.All(final.SheetNames, name => Assert.Null(final.Sheet(name).GetFirstChild<HeaderFooter>()));
    }

    [Fact]
    public void DetailedBudget_IsAnExcelTable_WithTheAnnex4Columns_AndATotalsRow()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        string[] columns =
        [
            "Component", "Output", "Activity", "Description", "Expenditure type", "Source", "Financier", "Instrument", "Unit", "Quantity", "Unit cost",
            "Currency", "2027", "2028", "2029", "No year", "Total in currency", "Rate", "Total (USD)", "Budget notes",
        ];
        Assert.Equal(columns, workbook.Sheet("Detailed budget").Descendants<Row>().First().Elements<Cell>().Select(workbook.Text));
        var table = TableOf(workbook, "Detailed budget");
        Assert.Equal("DetailedBudget", table.Name!.Value);
        Assert.Equal("A1:T7", table.Reference!.Value);
        Assert.Equal(1u, table.TotalsRowCount!.Value);
        Assert.Equal("A1:T6", table.AutoFilter!.Reference!.Value);
        Assert.Equal(columns, table.TableColumns!.Elements<DocumentFormat.OpenXml.Spreadsheet.TableColumn>().Select(c => c.Name!.Value));
        Assert.Equal("TableStyleMedium2", table.TableStyleInfo!.Name!.Value);
        var pane = workbook.Sheet("Detailed budget").Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
    }

    [Fact]
    public void Item_HasItsAmountsByYear_AndItsConversionAsFormulasOfItsRow()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        // Row 3: the roof works, 310,240.43 GHS in 2027.
        Assert.Equal(["1", "", "", "Roof works", "Works", "Co-financing", "City", "Grant", ""],
            new[] { "A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3", "I3" }.Select(r => workbook.Text(workbook.Cell("Detailed budget", r)!)));
        Assert.Equal("GHS", workbook.Text(workbook.Cell("Detailed budget", "L3")!));
        Assert.Equal(310_240.43m, WorkbookReader.Number(workbook.Cell("Detailed budget", "M3")!));
        Assert.Null(workbook.Cell("Detailed budget", "N3"));

        var total = workbook.Cell("Detailed budget", "Q3")!;
        Assert.Equal("SUM(DetailedBudget[[#This Row],[2027]:[No year]])", total.CellFormula!.Text);
        Assert.Equal(310_240.43m, WorkbookReader.Number(total));
        var rate = workbook.Cell("Detailed budget", "R3")!;
        Assert.Equal("INDEX(ExchangeRates[[Rate used]],MATCH(DetailedBudget[[#This Row],[Currency]],ExchangeRates[[Currency]],0))", rate.CellFormula!.Text);
        Assert.Equal(0.1m, WorkbookReader.Number(rate));
        var converted = workbook.Cell("Detailed budget", "S3")!;
        Assert.Equal("DetailedBudget[[#This Row],[Total in currency]]*DetailedBudget[[#This Row],[Rate]]", converted.CellFormula!.Text);
        Assert.Equal(31_024.043m, WorkbookReader.Number(converted));

        // The calculated columns carry the same formulas, so Excel fills them into an appended row.
        var formulas = TableOf(workbook, "Detailed budget").TableColumns!.Elements<DocumentFormat.OpenXml.Spreadsheet.TableColumn>()
            .Where(c => c.CalculatedColumnFormula is not null).ToDictionary(c => c.Name!.Value!, c => c.CalculatedColumnFormula!.Text);
        Assert.Equal(total.CellFormula.Text, formulas["Total in currency"]);
        Assert.Equal(rate.CellFormula.Text, formulas["Rate"]);
        Assert.Equal(converted.CellFormula.Text, formulas["Total (USD)"]);
    }

    [Fact]
    public void Item_NamesItsComponent_Output_AndActivity()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal(["1", "1.1 PV installed", "1.1.1 Supply of PV modules", "PV modules"],
            new[] { "A2", "B2", "C2", "D2" }.Select(r => workbook.Text(workbook.Cell("Detailed budget", r)!)));
    }

    /// The item's budget note closes its row; an item without one leaves the cell empty.
    [Fact]
    public void Item_HasItsBudgetNote_InTheLastColumn()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal("Two quotations, March 2026", workbook.Text(workbook.Cell("Detailed budget", "T2")!));
        Assert.Null(workbook.Cell("Detailed budget", "T3"));
    }

    [Fact]
    public void CostedItem_ShowsItsUnit_Quantity_AndUnitCost()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal("luminaire", workbook.Text(workbook.Cell("Detailed budget", "I4")!));
        Assert.Equal(500m, WorkbookReader.Number(workbook.Cell("Detailed budget", "J4")!));
        Assert.Equal(500m, WorkbookReader.Number(workbook.Cell("Detailed budget", "K4")!));
        Assert.Equal("builtin 4", NumberFormat(workbook, workbook.Cell("Detailed budget", "K4")!)); // #,##0.00
    }

    [Fact]
    public void Amounts_ShowWholeUnits_WithoutCents()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.All(new[] { "M2", "N2", "Q2", "S2", "S7" }, r => Assert.Equal("#,##0", NumberFormat(workbook, workbook.Cell("Detailed budget", r)!)));
        Assert.Equal(120_000.50m, WorkbookReader.Number(workbook.Cell("Detailed budget", "M2")!)); // the cents are kept in the cell
        Assert.All(new[] { "C3", "G6", "G23" }, r => Assert.Equal("#,##0", NumberFormat(workbook, workbook.Cell("Summary", r)!)));
    }

    [Fact]
    public void TotalsRow_SumsTheWholeTable_WithSubtotal()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal("Total", workbook.Text(workbook.Cell("Detailed budget", "A7")!));
        var total = workbook.Cell("Detailed budget", "S7")!;
        Assert.Equal("SUBTOTAL(109,DetailedBudget[[Total (USD)]])", total.CellFormula!.Text);
        Assert.Equal(SmallTotal, WorkbookReader.Number(total));
        Assert.Equal("Total", TableOf(workbook, "Detailed budget").TableColumns!.Elements<DocumentFormat.OpenXml.Spreadsheet.TableColumn>().First().TotalsRowLabel!.Value);
    }

    [Fact]
    public void Summary_ByComponentAndYear_ConvertsEachYear_AndTotalsTheWholeTable()
    {
        var sheet = BudgetSheets.Small();
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Equal("Budget by component and year (USD)", workbook.Text(workbook.Cell("Summary", "A1")!));
        Assert.Equal(["Component", "Component name", "2027", "2028", "2029", "No year", "Total"],
            workbook.Sheet("Summary").Descendants<Row>().ElementAt(1).Elements<Cell>().Select(workbook.Text));
        var cell = workbook.Cell("Summary", "C3")!;
        Assert.Equal("SUMPRODUCT((DetailedBudget[[Component]]=$A3)*DetailedBudget[[2027]]*DetailedBudget[[Rate]])", cell.CellFormula!.Text);
        Assert.Equal(120_000.50m + 31_024.043m, WorkbookReader.Number(cell));
        Assert.Equal(45_000m, WorkbookReader.Number(workbook.Cell("Summary", "F4")!));
        Assert.Equal("SUMPRODUCT((DetailedBudget[[Component]]=$A5)*DetailedBudget[[Total (USD)]])", workbook.Cell("Summary", "G5")!.CellFormula!.Text);
        Assert.Equal(11_000m, WorkbookReader.Number(workbook.Cell("Summary", "G5")!));

        Assert.Equal("Total", workbook.Text(workbook.Cell("Summary", "A6")!));
        Assert.Equal("SUMPRODUCT(DetailedBudget[[2028]],DetailedBudget[[Rate]])", workbook.Cell("Summary", "D6")!.CellFormula!.Text);
        Assert.Equal(80_000m + 150_000m, WorkbookReader.Number(workbook.Cell("Summary", "D6")!));
        Assert.Equal("SUM(DetailedBudget[[Total (USD)]])", workbook.Cell("Summary", "G6")!.CellFormula!.Text);
        Assert.Equal(SmallTotal, WorkbookReader.Number(workbook.Cell("Summary", "G6")!));
    }

    [Fact]
    public void Summary_BySourceAndInstrument_AndByExpenditureType_AddUp()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal("Budget by funding source and instrument (USD)", workbook.Text(workbook.Cell("Summary", "A8")!));
        var pairs = Enumerable.Range(10, 5).Select(r => (workbook.Text(workbook.Cell("Summary", $"A{r}")!), workbook.Text(workbook.Cell("Summary", $"B{r}")!))).ToList();
        Assert.Equal([("GCF", "Senior loan"), ("GCF", "Grant"), ("Co-financing", "Grant"), ("Co-financing", "Equity"), ("Co-financing", "In kind")], pairs);
        Assert.Equal("SUMPRODUCT((DetailedBudget[[Source]]=$A11)*(DetailedBudget[[Instrument]]=$B11)*DetailedBudget[[Total (USD)]])",
            workbook.Cell("Summary", "G11")!.CellFormula!.Text);
        Assert.Equal(250_000m, WorkbookReader.Number(workbook.Cell("Summary", "G11")!));
        Assert.Equal(SmallTotal, WorkbookReader.Number(workbook.Cell("Summary", "G15")!));

        Assert.Equal("Budget by expenditure type (USD)", workbook.Text(workbook.Cell("Summary", "A17")!));
        Assert.Equal(["Goods", "Works", "Other", "Staff"], Enumerable.Range(19, 4).Select(r => workbook.Text(workbook.Cell("Summary", $"A{r}")!)));
        Assert.Equal(450_000.50m, WorkbookReader.Number(workbook.Cell("Summary", "G19")!));
        Assert.Equal(SmallTotal, WorkbookReader.Number(workbook.Cell("Summary", "G23")!));
    }

    [Fact]
    public void ExchangeRates_AreATable_WithTheRateAsGiven_ItsDateAndSource_AndTheRateUsed()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal(["Currency", "Rate as given", "Given as", "Rate used", "Date", "Source"],
            workbook.Sheet("Exchange rates").Descendants<Row>().First().Elements<Cell>().Select(workbook.Text));
        Assert.Equal("ExchangeRates", TableOf(workbook, "Exchange rates").Name!.Value);
        Assert.Equal("A1:F4", TableOf(workbook, "Exchange rates").Reference!.Value);
        Assert.Equal("GHS", workbook.Text(workbook.Cell("Exchange rates", "A3")!));
        Assert.Equal(10m, WorkbookReader.Number(workbook.Cell("Exchange rates", "B3")!));
        Assert.Equal("GHS per USD", workbook.Text(workbook.Cell("Exchange rates", "C3")!));
        Assert.Equal("1/ExchangeRates[[#This Row],[Rate as given]]", workbook.Cell("Exchange rates", "D3")!.CellFormula!.Text);
        Assert.Equal(0.1m, WorkbookReader.Number(workbook.Cell("Exchange rates", "D3")!));
        var date = workbook.Cell("Exchange rates", "E3")!;
        Assert.Equal(46_356m, WorkbookReader.Number(date)); // 2026-11-30 as a spreadsheet serial
        Assert.Equal("yyyy-mm-dd", NumberFormat(workbook, date));
        Assert.Equal("Bank of Ghana", workbook.Text(workbook.Cell("Exchange rates", "F3")!));
        Assert.Equal("USD per EUR", workbook.Text(workbook.Cell("Exchange rates", "C4")!));
        Assert.Equal("ExchangeRates[[#This Row],[Rate as given]]", workbook.Cell("Exchange rates", "D4")!.CellFormula!.Text);
        Assert.Null(workbook.Cell("Exchange rates", "C2")); // the reporting currency's own rate has no direction
    }

    [Fact]
    public void Fees_AreConverted_AndGivenAsSharesOfTheGcfAndTotalBudgets()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal("SUMPRODUCT((DetailedBudget[[Source]]=$B2)*DetailedBudget[[Total (USD)]])", workbook.Cell("AE fee and PMC", "C2")!.CellFormula!.Text);
        Assert.Equal(450_000.50m, WorkbookReader.Number(workbook.Cell("AE fee and PMC", "C2")!));
        Assert.Equal("SUM(DetailedBudget[[Total (USD)]])", workbook.Cell("AE fee and PMC", "C3")!.CellFormula!.Text);
        Assert.Equal(SmallTotal, WorkbookReader.Number(workbook.Cell("AE fee and PMC", "C3")!));

        Assert.Equal("Accredited entity fee", workbook.Text(workbook.Cell("AE fee and PMC", "A7")!));
        Assert.Equal("EUR", workbook.Text(workbook.Cell("AE fee and PMC", "B7")!));
        Assert.Equal("INDEX(ExchangeRates[[Rate used]],MATCH($B7,ExchangeRates[[Currency]],0))", workbook.Cell("AE fee and PMC", "D7")!.CellFormula!.Text);
        Assert.Equal("C7*D7", workbook.Cell("AE fee and PMC", "E7")!.CellFormula!.Text);
        Assert.Equal(11_000m, WorkbookReader.Number(workbook.Cell("AE fee and PMC", "E7")!));
        Assert.Equal("E7/$C$2", workbook.Cell("AE fee and PMC", "F7")!.CellFormula!.Text);
        Assert.Equal(11_000m / 450_000.50m, WorkbookReader.Number(workbook.Cell("AE fee and PMC", "F7")!));
        Assert.Equal("E7/$C$3", workbook.Cell("AE fee and PMC", "G7")!.CellFormula!.Text);
        Assert.Equal("builtin 10", NumberFormat(workbook, workbook.Cell("AE fee and PMC", "G7")!)); // 0.00%
    }

    [Fact]
    public void FeeNotGiven_SaysSo_AndFeeWithoutARate_SaysWhy()
    {
        var sheet = BudgetSheets.Small() with
        {
            Fees = [new("Project management cost", "", null, null), new("Accredited entity fee", "JPY", 1_000_000m, null)],
        };
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        Assert.Equal("Not given in the proposal", workbook.Text(workbook.Cell("AE fee and PMC", "H6")!));
        Assert.Null(workbook.Cell("AE fee and PMC", "C6"));
        Assert.Equal(1_000_000m, WorkbookReader.Number(workbook.Cell("AE fee and PMC", "C7")!));
        Assert.Equal("No exchange rate to USD in the proposal", workbook.Text(workbook.Cell("AE fee and PMC", "H7")!));
        Assert.DoesNotContain(workbook.Cells("AE fee and PMC"), c => c.CellReference!.Value!.EndsWith('7') && c.CellFormula is not null);
    }

    [Fact]
    public void ItemInACurrencyWithoutARate_IsRefused_RatherThanShownAsAnError()
    {
        var sheet = BudgetSheets.Small() with { Rates = BudgetSheets.Rates.Where(r => r.Currency != "EUR").ToList() };

        var error = Assert.Throws<ArgumentException>(() => BudgetWorkbook.Write(sheet, new MemoryStream()));
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutYears_HasANoYearColumn_AndStillAddsUp()
    {
        var items = BudgetSheets.Small().Items.Select(i => i with { Amounts = [new BudgetSheetAmount(null, i.Amounts.Sum(a => a.Amount), i.Amounts.Sum(a => a.Converted))] }).ToArray();
        var sheet = BudgetSheets.Small() with { Items = items, Years = [] };
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        Assert.Equal("No year", workbook.Text(workbook.Cell("Detailed budget", "M1")!));
        Assert.Equal("SUM(DetailedBudget[[#This Row],[No year]:[No year]])", workbook.Cell("Detailed budget", "N2")!.CellFormula!.Text);
        Assert.Equal(SmallTotal, WorkbookReader.Number(workbook.Cell("Detailed budget", "P7")!));
    }

    [Fact]
    public void Empty_IsValid_WithZeroTotals()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([]));

        AssertValid(workbook);
        Assert.Equal("A1:Q3", TableOf(workbook, "Detailed budget").Reference!.Value); // one empty row, and "No year" the only year column
        Assert.Equal(0m, WorkbookReader.Number(workbook.LastRow("Summary").Elements<Cell>().Last()));
    }

    [Fact]
    public void Workbook_RecalculatesOnLoad_AndCarriesTitleAndLanguage()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.True(workbook.Document.WorkbookPart!.Workbook.CalculationProperties!.FullCalculationOnLoad!.Value);
        Assert.Equal("Tamale solar and LED", workbook.Document.PackageProperties.Title);
        Assert.Equal("en", workbook.Document.PackageProperties.Language);
    }

    [Fact]
    public void ComponentsOnlyNamedByItems_GetARow_SoTotalsReconcile()
    {
        var sheet = BudgetSheets.Small(BudgetSheets.Item("9", "Unplanned", "Goods", "GCF", "Grant", (2027, 1_000m)), BudgetSheets.Item("", "No component", "Goods", "GCF", "", (2027, 7m)));
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        Assert.Equal("9", workbook.Text(workbook.Cell("Summary", "A6")!));
        Assert.Equal("—", workbook.Text(workbook.Cell("Summary", "A7")!));
        Assert.Equal(7m, WorkbookReader.Number(workbook.Cell("Summary", "G7")!));
        Assert.Equal(SmallTotal + 1_007m, WorkbookReader.Number(workbook.Cell("Summary", "G8")!));
    }

    /// A column header with the characters structured references escape still gives valid formulas.
    [Fact]
    public void Headers_WithBracketsHashAndQuote_AreEscapedInFormulas()
    {
        var labels = BudgetSheetLabels.English with { Rate = "Rate [it's #1]", Currency = "Currency" };
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet(BudgetSheets.Small().Items.ToArray(), labels));

        AssertValid(workbook);
        Assert.Equal("DetailedBudget[[#This Row],[Total in currency]]*DetailedBudget[[#This Row],[Rate '[it''s '#1']]]",
            workbook.Cell("Detailed budget", "S2")!.CellFormula!.Text);
    }

    [Fact]
    public void FiveHundredItems_AreValid_AndAddUp()
    {
        var sheet = BudgetSheets.Generated(500);
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        var total = sheet.Items.Sum(i => i.Amounts.Sum(a => a.Converted));
        Assert.Equal(total, WorkbookReader.Number(workbook.LastRow("Detailed budget").Elements<Cell>().Last()));
        Assert.Equal(total, WorkbookReader.Number(workbook.LastRow("Summary").Elements<Cell>().Last()));
    }
}
