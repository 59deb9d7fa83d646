using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// The grid's computed figures, each a live element (data-live) whose content autosave replaces:
/// the amount of a costed cell (quantity × unit cost), each row's total in its currency, each
/// year's total and the grand total in the reporting currency (rows without an exchange rate
/// are left out and said to be).
internal sealed class BudgetGridTotals(Proposal proposal, IReadOnlyList<BudgetRow> rows)
{
    private readonly CurrencyConverter converter = new(proposal.Financing.ExchangeRates);
    private readonly string currency = proposal.Budget.ReportingCurrency;

    public static string CellKey(int row, int year) => BudgetGridEditor.RowPath(row) + "." + BudgetGridEditor.YearField(year) + ".amount";

    public static string RowKey(int row) => BudgetGridEditor.RowPath(row) + ".total";

    public static string YearKey(int year) => BudgetGridEditor.Grid + ".totals." + BudgetGridEditor.YearField(year);

    public const string GrandKey = BudgetGridEditor.Grid + ".totals.all";

    /// "= USD 1,200" under a quantity; nothing under an amount typed as such.
    public static string CellAmount(BudgetRow row, int r, int year, CultureInfo culture)
    {
        var html = new Html(128).Raw("<span class=\"budget-amount\"").Attr("data-live", "panel:" + CellKey(r, year)).Raw(">");
        if (row.Item.Costed && row.Values.TryGetValue(year, out var quantity))
            // The row says its currency; the figure alone keeps a narrow year column whole.
            html.Text("= " + NumberText.Format(Math.Round(row.AmountOf(quantity), 2), culture));
        return html.Raw("</span>").ToString();
    }

    public static string RowCell(BudgetRow row, int r, CultureInfo culture, string label) =>
        new Html(192).Raw("<td class=\"budget-total\"").Attr("data-label", label).Attr("data-live", "panel:" + RowKey(r)).Raw(">")
            .Text(NumberText.Money(row.Total, row.Item.Currency, culture, decimals: 2)).Raw("</td>").ToString();

    public string YearCell(int year, CultureInfo culture, string label)
    {
        var (total, unconverted) = Sum(rows.Where(r => r.Values.ContainsKey(year)).Select(r => (r, r.AmountOf(r.Values[year]))));
        // The footer's heading names the reporting currency: a year's total is its figure alone.
        return Cell(YearKey(year), label, total, unconverted, culture, withCurrency: false);
    }

    public string GrandCell(CultureInfo culture, string label)
    {
        var (total, unconverted) = Sum(rows.Select(r => (r, r.Total)));
        return Cell(GrandKey, label, total, unconverted, culture);
    }

    private (decimal Total, int Unconverted) Sum(IEnumerable<(BudgetRow Row, decimal Amount)> amounts)
    {
        var total = 0m;
        var unconverted = 0;
        foreach (var (row, amount) in amounts)
        {
            if (converter.Convert(new Money { Amount = amount, Currency = row.Item.Currency }, currency) is { } converted)
                total += converted;
            else
                unconverted++;
        }
        return (total, unconverted);
    }

    private string Cell(string key, string label, decimal total, int unconverted, CultureInfo culture, bool withCurrency = true)
    {
        var html = new Html(192).Raw("<td class=\"budget-total\"").Attr("data-label", label).Attr("data-live", "panel:" + key).Raw(">")
            .Text(withCurrency ? NumberText.Money(total, currency, culture) : NumberText.Format(total, culture));
        if (unconverted > 0)
            html.Raw("<span class=\"budget-unconverted\">").Text(BudgetText.Format(culture, "Grid.Unconverted", unconverted)).Raw("</span>");
        return html.Raw("</td>").ToString();
    }

    /// Every figure of the grid, for autosave's reply.
    /// The live cells of the rows the page shows (from, count) and the whole budget's totals.
    public void Collect(IReadOnlyList<int> years, int from, int count, CultureInfo culture, IDictionary<string, string> panels)
    {
        var yearLabel = BudgetText.Get("Grid.YearTotal", culture);
        for (var r = from; r < Math.Min(rows.Count, from + count); r++)
        {
            panels[RowKey(r)] = RowCell(rows[r], r, culture, BudgetText.Get("Grid.RowTotal", culture));
            foreach (var year in years)
                panels[CellKey(r, year)] = CellAmount(rows[r], r, year, culture);
        }
        foreach (var year in years)
            panels[YearKey(year)] = YearCell(year, culture, yearLabel + " " + (year == 0 ? BudgetText.Get("Column.NoYear", culture) : year.ToString(CultureInfo.InvariantCulture)));
        panels[GrandKey] = GrandCell(culture, BudgetText.Get("Grid.GrandTotal", culture));
    }
}
