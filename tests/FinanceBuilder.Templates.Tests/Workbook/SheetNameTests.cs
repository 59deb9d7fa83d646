using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// Sheet names are in the document language and always ones Excel accepts; formulas name
/// tables, not sheets, so a sheet's name never changes a formula.
public sealed class SheetNameTests
{
    private static readonly BudgetSheetLabels French = BudgetSheetLabels.English with
    {
        DetailSheet = "Budget détaillé",
        SummarySheet = "Synthèse",
        FeesSheet = "Frais EA et gestion",
        RatesSheet = "Taux de change",
        Total = "Total",
        TotalInCurrency = "Total en devise",
        Rate = "Taux",
        Currency = "Devise",
    };

    [Fact]
    public void French_SheetsAndHeaders_AreFrench()
    {
        var sheet = BudgetSheets.Sheet([.. BudgetSheets.Small().Items], French);
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Empty(workbook.Errors());
        Assert.Equal(["Budget détaillé", "Synthèse", "Frais EA et gestion", "Taux de change"], workbook.SheetNames);
        Assert.Equal("Total (USD)", workbook.Text(workbook.Cell("Budget détaillé", "S1")!));
        Assert.Equal("DetailedBudget[[#This Row],[Total en devise]]*DetailedBudget[[#This Row],[Taux]]",
            workbook.Cell("Budget détaillé", "S2")!.CellFormula!.Text);
    }

    [Fact]
    public void HostileNames_AreMadeValid_AndUnique()
    {
        var labels = BudgetSheetLabels.English with
        {
            DetailSheet = "'Budget [lines]: a*b?c/d\\e and a name far longer than thirty-one characters'",
            SummarySheet = "History",
            FeesSheet = "Summary",
            RatesSheet = "",
        };
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([.. BudgetSheets.Small().Items], labels));

        Assert.Empty(workbook.Errors());
        var names = workbook.SheetNames;
        Assert.All(names, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n);
            Assert.False(n.StartsWith('\'') || n.EndsWith('\''), n);
        });
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["Budget lines abcde and a name f", "Summary", "Summary (2)", "Exchange rates"], names);
    }

    [Fact]
    public void Apostrophes_InASheetName_LeaveTheFormulasAlone()
    {
        var labels = BudgetSheetLabels.English with { DetailSheet = "Items' budget" };
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([.. BudgetSheets.Small().Items], labels));

        Assert.Empty(workbook.Errors());
        Assert.StartsWith("SUMPRODUCT((DetailedBudget[[Component]]=$A3)", workbook.Cell("Summary", "C3")!.CellFormula!.Text, StringComparison.Ordinal);
    }
}
