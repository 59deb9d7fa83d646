using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// Budgets to write: a small realistic one and a generated one of any size.
internal static class BudgetSheets
{
    public static readonly BudgetSheetComponent[] Components =
    [
        new("1", "Solar PV on public buildings"),
        new("2", "LED street lighting"),
        new("3", "Project management"),
    ];

    public static BudgetSheet Small(params BudgetSheetLine[] extra) => Sheet(
    [
        Line("1", "PV modules", "GCF", "Senior loan", 2027, 120_000.50m),
        Line("1", "PV installation", "GCF", "Senior loan", 2028, 80_000m),
        Line("1", "Roof works", "Co-financing", "Grant", 2027, 30_000.25m, financier: "City", currency: "GHS", original: 310_240.43m),
        Line("2", "LED luminaires", "GCF", "Grant", 2028, 250_000m),
        Line("2", "Control system", "Co-financing", "Equity", null, 45_000m, financier: "ESCO"),
        Line("3", "Project unit staff", "Co-financing", "In kind", 2029, 12_345.67m, financier: "City"),
        .. extra,
    ]);

    public static BudgetSheet Generated(int count)
    {
        var sources = new[] { "GCF", "Co-financing" };
        var instruments = new[] { "Grant", "Senior loan", "Equity" };
        var lines = Enumerable.Range(0, count).Select(i => Line(
            ((i % 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Budget line {i} with a description of some length to look like real input",
            sources[i % 2], instruments[i % 3], 2027 + (i % 5), 1_000m + (i * 37.25m))).ToArray();
        return Sheet(lines);
    }

    public static BudgetSheet Sheet(BudgetSheetLine[] lines, BudgetSheetLabels? labels = null) => new(
        "Tamale solar and LED", "USD", "en", labels ?? BudgetSheetLabels.English, lines, Components, ["GCF", "Co-financing"],
        lines.Where(l => l.Year is not null).Select(l => l.Year!.Value).Distinct().Order().ToList());

    public static BudgetSheetLine Line(string component, string description, string source, string instrument, int? year, decimal amount,
        string financier = "", string currency = "USD", decimal? original = null) =>
        new(component, description, "Goods", source, financier, instrument, year, currency, original ?? amount, amount);
}
