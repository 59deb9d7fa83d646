using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The exchange rates: one row per currency the budget uses, with the rate as the proposal gives
/// it (in either direction), its date and source, and the rate used — units of the reporting
/// currency for one unit — from which every converted amount of the workbook is computed.
/// </summary>
internal sealed class RatesSheet
{
    public const string TableName = "ExchangeRates";

    private RatesSheet(SheetBuilder builder, ExcelTable table, string currency, string used)
    {
        Builder = builder;
        Table = table;
        CurrencyColumn = currency;
        UsedColumn = used;
    }

    public SheetBuilder Builder { get; }

    public ExcelTable Table { get; }

    public string CurrencyColumn { get; }

    public string UsedColumn { get; }

    /// <summary>The table alone, for the formulas of the sheets written before it.</summary>
    public static RatesSheet Declare(BudgetSheet sheet, BudgetRows rows, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var names = ExcelTable.UniqueNames([labels.Currency, labels.GivenRate, labels.GivenAs, labels.RateUsed, labels.Date, labels.RateSource]);
        var table = new ExcelTable(2, TableName, names.Select(n => new TableColumn(n)).ToList(), firstRow: 1, dataRows: rows.Rates.Count, totalsRow: false);
        var builder = new SheetBuilder(strings);
        builder.NewRow();
        for (var c = 0; c < names.Count; c++)
            builder.Label(names[c], c is 1 or 3 ? WorkbookStyles.HeaderRight : WorkbookStyles.Header);

        var reporting = BudgetRows.Key(sheet.Currency);
        foreach (var rate in rows.Rates)
        {
            builder.NewRow();
            builder.Text(rate.Currency);
            builder.Number(rate.Given, WorkbookStyles.Rate);
            // The reporting currency's own row (a rate of 1) says nothing about a direction.
            if (rate.Currency == reporting)
                builder.Skip();
            else
                builder.Text(rate.Inverse
                    ? string.Format(CultureInfo.InvariantCulture, labels.Per, rate.Currency, reporting)
                    : string.Format(CultureInfo.InvariantCulture, labels.Per, reporting, rate.Currency));
            var given = table.ThisRow(names[1]);
            builder.Formula(rate.Inverse ? "1/" + given : given, rate.Used, WorkbookStyles.Rate);
            if (rate.Date is { } date)
                builder.Date(date);
            else
                builder.Skip();
            builder.Text(rate.Source);
        }
        return new RatesSheet(builder, table, names[0], names[3]);
    }
}
