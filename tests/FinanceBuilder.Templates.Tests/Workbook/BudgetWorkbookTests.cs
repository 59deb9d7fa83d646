using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// The budget workbook is valid Open XML, its totals are live formulas whose cached values are
/// the sums of the lines, and its summaries add up to the lines.
public sealed class BudgetWorkbookTests
{
    private static void AssertValid(WorkbookReader workbook)
    {
        var errors = workbook.Errors();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Small_IsValid_WithFourSheets()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        AssertValid(workbook);
        Assert.Equal(["Lines", "By component", "By source", "By year"], workbook.SheetNames);
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
    public void Lines_HaveEveryColumn_AmountsAsNumbers()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());

        Assert.Equal(
            ["Component", "Description", "Expenditure type", "Source", "Financier", "Instrument", "Year", "Currency", "Amount in currency", "Amount (USD)"],
            workbook.Sheet("Lines").Descendants<Row>().First().Elements<Cell>().Select(workbook.Text));
        var roof = workbook.Sheet("Lines").Descendants<Row>().ElementAt(3).Elements<Cell>().ToList();
        Assert.Equal(["1", "Roof works", "Goods", "Co-financing", "City", "Grant"], roof.Take(6).Select(workbook.Text));
        Assert.Equal(2027m, WorkbookReader.Number(roof[6]));
        Assert.Equal("GHS", workbook.Text(roof[7]));
        Assert.Equal(310_240.43m, WorkbookReader.Number(roof[8]));
        Assert.Equal(30_000.25m, WorkbookReader.Number(roof[9]));
        Assert.Null(roof[9].DataType);
        var formats = workbook.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(4u, formats[(int)roof[9].StyleIndex!.Value].NumberFormatId!.Value); // #,##0.00
    }

    [Fact]
    public void LinesTotal_IsASubtotalFormula_WithTheSumCached()
    {
        var sheet = BudgetSheets.Small();
        using var workbook = WorkbookReader.Write(sheet);

        var total = workbook.Cell("Lines", "J8")!;
        Assert.Equal("SUBTOTAL(109,J2:J7)", total.CellFormula!.Text);
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(total));
        Assert.Equal("Total", workbook.Text(workbook.Cell("Lines", "A8")!));
    }

    [Fact]
    public void Lines_HeaderIsFrozen_Filtered_Bold_AndColumnsSized()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Small());
        var lines = workbook.Sheet("Lines");

        var pane = lines.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A1:J7", lines.Elements<AutoFilter>().Single().Reference!.Value);
        var filter = workbook.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("'Lines'!$A$1:$J$7", filter.Text);
        Assert.All(lines.Descendants<Row>().First().Elements<Cell>(), c => Assert.Equal(2u, c.StyleIndex!.Value));
        var columns = lines.Descendants<Column>().ToList();
        Assert.Equal(10, columns.Count);
        Assert.All(columns, c => Assert.InRange(c.Width!.Value, 8, 60));
        var ignored = lines.Descendants<IgnoredError>().Single();
        Assert.Equal("A1:J8", ignored.SequenceOfReferences!.InnerText);
        Assert.True(ignored.NumberStoredAsText!.Value);
    }

    [Fact]
    public void ByComponent_SumsEachComponentAndSource_WithSumifs()
    {
        var sheet = BudgetSheets.Small();
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Equal("SUMIFS('Lines'!$J$2:$J$7,'Lines'!$A$2:$A$7,$A2,'Lines'!$D$2:$D$7,C$1)", workbook.Cell("By component", "C2")!.CellFormula!.Text);
        Assert.Equal("SUMIFS('Lines'!$J$2:$J$7,'Lines'!$A$2:$A$7,$A3)", workbook.Cell("By component", "E3")!.CellFormula!.Text);
        for (var i = 0; i < BudgetSheets.Components.Length; i++)
        {
            var id = BudgetSheets.Components[i].Id;
            var row = i + 2;
            Assert.Equal(id, workbook.Text(workbook.Cell("By component", $"A{row}")!));
            Assert.Equal(sheet.Lines.Where(l => l.ComponentId == id && l.Source == "GCF").Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By component", $"C{row}")!));
            Assert.Equal(sheet.Lines.Where(l => l.ComponentId == id && l.Source == "Co-financing").Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By component", $"D{row}")!));
            Assert.Equal(sheet.Lines.Where(l => l.ComponentId == id).Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By component", $"E{row}")!));
        }
        var total = workbook.Cell("By component", "E5")!;
        Assert.Equal("SUM(E2:E4)", total.CellFormula!.Text);
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(total));
        Assert.Equal(sheet.Lines.Where(l => l.Source == "GCF").Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By component", "C5")!));
    }

    [Fact]
    public void BySource_SumsEachSourceAndInstrument()
    {
        var sheet = BudgetSheets.Small();
        using var workbook = WorkbookReader.Write(sheet);

        var rows = workbook.Sheet("By source").Descendants<Row>().Skip(1).SkipLast(1).ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Elements<Cell>().ToList();
            var (source, instrument) = (workbook.Text(cells[0]), workbook.Text(cells[1]));
            Assert.StartsWith("SUMIFS(", cells[2].CellFormula!.Text, StringComparison.Ordinal);
            Assert.Equal(sheet.Lines.Where(l => l.Source == source && l.Instrument == instrument).Sum(l => l.Amount), WorkbookReader.Number(cells[2]));
        }
        var total = workbook.LastRow("By source").Elements<Cell>().Last();
        Assert.Equal("SUM(C2:C6)", total.CellFormula!.Text);
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(total));
    }

    [Fact]
    public void ByYear_SumsEachComponentAndYear_AndLinesWithoutAYear()
    {
        var sheet = BudgetSheets.Small();
        using var workbook = WorkbookReader.Write(sheet);

        // Years 2027–2029 in C–E, lines without a year in F, the total in G.
        Assert.Equal(2027m, WorkbookReader.Number(workbook.Cell("By year", "C1")!));
        Assert.Equal("No year", workbook.Text(workbook.Cell("By year", "F1")!));
        Assert.Equal("SUMIFS('Lines'!$J$2:$J$7,'Lines'!$A$2:$A$7,$A2,'Lines'!$G$2:$G$7,C$1)", workbook.Cell("By year", "C2")!.CellFormula!.Text);
        Assert.Equal(120_000.50m + 30_000.25m, WorkbookReader.Number(workbook.Cell("By year", "C2")!));
        Assert.Equal("SUMIFS('Lines'!$J$2:$J$7,'Lines'!$A$2:$A$7,$A3)-SUM(C3:E3)", workbook.Cell("By year", "F3")!.CellFormula!.Text);
        Assert.Equal(45_000m, WorkbookReader.Number(workbook.Cell("By year", "F3")!));
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By year", "G5")!));
        Assert.Equal(45_000m, WorkbookReader.Number(workbook.Cell("By year", "F5")!));
    }

    [Fact]
    public void WithoutYears_HasNoYearSheet()
    {
        var lines = BudgetSheets.Small().Lines.Select(l => l with { Year = null }).ToArray();
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet(lines));

        AssertValid(workbook);
        Assert.Equal(["Lines", "By component", "By source"], workbook.SheetNames);
    }

    [Fact]
    public void Empty_IsValid_WithZeroTotals()
    {
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([]));

        AssertValid(workbook);
        Assert.Equal(0m, WorkbookReader.Number(workbook.Cell("Lines", "J3")!));
        Assert.Equal(0m, WorkbookReader.Number(workbook.LastRow("By source").Elements<Cell>().Last()));
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
    public void ComponentsOnlyNamedByLines_GetARow_SoTotalsReconcile()
    {
        var sheet = BudgetSheets.Small(BudgetSheets.Line("9", "Unplanned", "GCF", "Grant", 2027, 1_000m), BudgetSheets.Line("", "No component", "GCF", "", 2027, 7m));
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        Assert.Equal("9", workbook.Text(workbook.Cell("By component", "A5")!));
        Assert.Equal("—", workbook.Text(workbook.Cell("By component", "A6")!));
        Assert.Equal(7m, WorkbookReader.Number(workbook.Cell("By component", "E6")!));
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("By component", "E7")!));
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(workbook.LastRow("By source").Elements<Cell>().Last()));
    }

    /// Keys SUMIFS would read as wildcards, comparisons or numbers are summed by exact comparison.
    [Theory]
    [InlineData("1*")]
    [InlineData("=1")]
    [InlineData("<2")]
    [InlineData("01")]
    [InlineData("1.0")]
    [InlineData("TRUE")]
    public void KeysThatAreNotPlain_AreSummedExactly(string component)
    {
        var sheet = BudgetSheets.Small(BudgetSheets.Line(component, "Odd key", "GCF", "Grant", 2027, 5m));
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        var cell = workbook.Cell("By component", "E2")!;
        Assert.StartsWith("SUMPRODUCT(('Lines'!$A$2:$A$8=$A2)*", cell.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal(sheet.Lines.Where(l => l.ComponentId == "1").Sum(l => l.Amount), WorkbookReader.Number(cell));
        Assert.Equal(5m, WorkbookReader.Number(workbook.Cell("By component", "E5")!));
    }

    [Fact]
    public void FiveHundredLines_AreValid_AndAddUp()
    {
        var sheet = BudgetSheets.Generated(500);
        using var workbook = WorkbookReader.Write(sheet);

        AssertValid(workbook);
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(workbook.Cell("Lines", "J502")!));
        Assert.Equal("SUBTOTAL(109,J2:J501)", workbook.Cell("Lines", "J502")!.CellFormula!.Text);
        Assert.Equal(sheet.Lines.Sum(l => l.Amount), WorkbookReader.Number(workbook.LastRow("By year").Elements<Cell>().Last()));
    }
}
