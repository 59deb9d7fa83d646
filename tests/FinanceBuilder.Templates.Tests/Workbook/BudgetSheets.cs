using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// Budgets to write: a small realistic one in three currencies and a generated one of any size.
internal static class BudgetSheets
{
    public static readonly BudgetSheetComponent[] Components =
    [
        new("1", "Solar PV on public buildings"),
        new("2", "LED street lighting"),
        new("3", "Project management"),
    ];

    /// 10 GHS for one USD (given the other way round), 1.1 USD for one EUR.
    public static readonly BudgetSheetRate[] Rates =
    [
        new("USD", 1m, false, null, ""),
        new("GHS", 10m, true, new DateOnly(2026, 11, 30), "Bank of Ghana"),
        new("EUR", 1.1m, false, new DateOnly(2026, 11, 28), "ECB"),
    ];

    public static BudgetSheet Small(params BudgetSheetItem[] extra) => Sheet(
    [
        Item("1", "PV modules", "Goods", "GCF", "Senior loan", (2027, 120_000.50m), (2028, 80_000m)) with { Output = "1.1 PV installed", Activity = "1.1.1 Supply of PV modules", Note = "Two quotations, March 2026" },
        Item("1", "Roof works", "Works", "Co-financing", "Grant", (2027, 310_240.43m)) with { Financier = "City", Currency = "GHS" },
        Item("2", "LED luminaires", "Goods", "GCF", "Grant", (2028, 150_000m), (2029, 100_000m)) with { Unit = "luminaire", Quantity = 500, UnitCost = 500m },
        Item("2", "Control system", "Other", "Co-financing", "Equity", (null, 45_000m)) with { Financier = "ESCO" },
        Item("3", "Project unit staff", "Staff", "Co-financing", "In kind", (2029, 10_000m)) with { Financier = "City", Currency = "EUR" },
        .. extra,
    ]);

    public static BudgetSheet Generated(int count)
    {
        var sources = new[] { "GCF", "Co-financing" };
        var instruments = new[] { "Grant", "Senior loan", "Equity" };
        var items = Enumerable.Range(0, count).Select(i => Item(
            ((i % 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Budget item {i} with a description of some length to look like real input", "Goods",
            sources[i % 2], instruments[i % 3], (2027 + (i % 5), 1_000m + (i * 37.25m)), (2028 + (i % 5), 500m))).ToArray();
        return Sheet(items);
    }

    /// A sheet of the items, their converted amounts computed with Rates.
    public static BudgetSheet Sheet(BudgetSheetItem[] items, BudgetSheetLabels? labels = null) => new(
        "Tamale solar and LED", "USD", "en", labels ?? BudgetSheetLabels.English, items.Select(Converted).ToList(), Components, ["GCF", "Co-financing"],
        items.SelectMany(i => i.Amounts).Where(a => a.Year is not null).Select(a => a.Year!.Value).Distinct().Order().ToList(), Rates)
    {
        GcfSource = "GCF",
        Fees = [new("Project management cost", "USD", 20_000m, 20_000m), new("Accredited entity fee", "EUR", 10_000m, 11_000m)],
    };

    /// An item with its amounts per year in its currency (USD unless set), converted with Rates.
    public static BudgetSheetItem Item(string component, string description, string category, string source, string instrument,
        params (int? Year, decimal Amount)[] amounts) =>
        new(component, "", description, category, source, "", instrument, "", null, null, "USD",
            amounts.Select(a => new BudgetSheetAmount(a.Year, a.Amount, a.Amount)).ToList());

    private static BudgetSheetItem Converted(BudgetSheetItem item)
    {
        var rate = Rates.Single(r => r.Currency == item.Currency);
        return item with { Amounts = item.Amounts.Select(a => a with { Converted = rate.Inverse ? a.Amount / rate.Given : a.Amount * rate.Given }).ToList() };
    }
}
