using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// Sheet names are in the document language and always ones Excel accepts.
public sealed class SheetNameTests
{
    private static readonly BudgetSheetLabels French = new(
        "Lignes", "Par composante", "Par source", "Par année",
        "Composante", "Intitulé de la composante", "Description", "Type de dépense", "Source", "Financeur", "Instrument", "Année",
        "Devise", "Montant en devise", "Montant", "Total", "Sans année");

    [Fact]
    public void French_SheetsAndHeaders_AreFrench()
    {
        var sheet = BudgetSheets.Sheet([.. BudgetSheets.Small().Lines], French);
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Empty(workbook.Errors());
        Assert.Equal(["Lignes", "Par composante", "Par source", "Par année"], workbook.SheetNames);
        Assert.Equal("Montant (USD)", workbook.Text(workbook.Cell("Lignes", "J1")!));
        Assert.StartsWith("SUMIFS('Lignes'!", workbook.Cell("Par composante", "C2")!.CellFormula!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileNames_AreMadeValid_AndUnique()
    {
        var labels = BudgetSheetLabels.English with
        {
            LinesSheet = "'Budget [lines]: a*b?c/d\\e and a name far longer than thirty-one characters'",
            ComponentSheet = "History",
            SourceSheet = "By component",
            YearSheet = "",
        };
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([.. BudgetSheets.Small().Lines], labels));

        Assert.Empty(workbook.Errors());
        var names = workbook.SheetNames;
        Assert.All(names, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n);
            Assert.False(n.StartsWith('\'') || n.EndsWith('\''), n);
        });
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["Budget lines abcde and a name f", "By component", "By component (2)", "By year"], names);
        Assert.StartsWith("SUMIFS('Budget lines abcde and a name f'!", workbook.Cell(names[1], "C2")!.CellFormula!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Apostrophes_InsideANameAreDoubledInFormulas()
    {
        var labels = BudgetSheetLabels.English with { LinesSheet = "Lines' budget" };
        using var workbook = WorkbookReader.Write(BudgetSheets.Sheet([.. BudgetSheets.Small().Lines], labels));

        Assert.Empty(workbook.Errors());
        Assert.StartsWith("SUMIFS('Lines'' budget'!", workbook.Cell("By component", "C2")!.CellFormula!.Text, StringComparison.Ordinal);
    }
}
