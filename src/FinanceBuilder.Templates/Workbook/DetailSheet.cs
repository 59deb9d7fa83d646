using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The detailed budget (Annex 4): one row per cost item — component, output, activity, description,
/// expenditure type, source, unit, quantity, unit cost, the amount of each year in the item's
/// currency — then its total, the rate to the reporting currency looked up on the exchange-rate
/// sheet, and the converted total, each a formula of the row. The whole is an Excel table, so
/// every total elsewhere names its columns and counts a row appended to it.
/// </summary>
internal sealed class DetailSheet
{
    public const string TableName = "DetailedBudget";

    private DetailSheet(SheetBuilder builder, ExcelTable table, IReadOnlyList<string> yearColumns, string component, string source,
        string instrument, string category, string rate, string amount)
    {
        Builder = builder;
        Table = table;
        YearColumns = yearColumns;
        ComponentColumn = component;
        SourceColumn = source;
        InstrumentColumn = instrument;
        CategoryColumn = category;
        RateColumn = rate;
        AmountColumn = amount;
    }

    public SheetBuilder Builder { get; }

    public ExcelTable Table { get; }

    /// <summary>The year columns' names, in the order of BudgetRows.YearColumns.</summary>
    public IReadOnlyList<string> YearColumns { get; }

    public string ComponentColumn { get; }

    public string SourceColumn { get; }

    public string InstrumentColumn { get; }

    public string CategoryColumn { get; }

    public string RateColumn { get; }

    /// <summary>The converted total of each item, in the reporting currency.</summary>
    public string AmountColumn { get; }

    public static DetailSheet Build(BudgetSheet sheet, BudgetRows rows, ExcelTable rates, string rateCurrency, string rateUsed, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var yearHeaders = rows.YearColumns.Select(y => y is { } year ? year.ToString(CultureInfo.InvariantCulture) : labels.NoYear).ToList();
        var headers = new List<string>
        {
            labels.Component, labels.Output, labels.Activity, labels.Description, labels.Category, labels.Source, labels.Financier, labels.Instrument,
            labels.Unit, labels.Quantity, labels.UnitCost, labels.Currency,
        };
        var firstYear = headers.Count;
        headers.AddRange(yearHeaders);
        headers.AddRange([labels.TotalInCurrency, labels.Rate, AmountHeader(sheet), labels.Notes]);
        var names = ExcelTable.UniqueNames(headers);
        string Name(int index) => names[index];
        var years = names.Skip(firstYear).Take(yearHeaders.Count).ToList();
        var (totalIn, rate, amount) = (names[^4], names[^3], names[^2]);
        var currency = Name(11);

        var table = new ExcelTable(1, TableName, names.Select(n => new TableColumn(n)), firstRow: 1, dataRows: Math.Max(rows.Items.Count, 1), totalsRow: true);
        var totalFormula = "SUM(" + table.ThisRow(years[0], years[^1]) + ")";
        var rateFormula = $"INDEX({rates.Column(rateUsed)},MATCH({table.ThisRow(currency)},{rates.Column(rateCurrency)},0))";
        var amountFormula = table.ThisRow(totalIn) + "*" + table.ThisRow(rate);
        table.Describe(new TableColumn(Name(0), TotalsLabel: labels.Total));
        table.Describe(new TableColumn(totalIn, RowFormula: totalFormula));
        table.Describe(new TableColumn(rate, RowFormula: rateFormula));
        table.Describe(new TableColumn(amount, RowFormula: amountFormula, Summed: true));

        var builder = new SheetBuilder(strings);
        // Header cells carry the table style's colours themselves, for viewers without table styles.
        builder.NewRow();
        for (var c = 0; c < names.Count; c++)
            builder.Label(names[c], c >= 9 && c != 11 && c < names.Count - 1 ? WorkbookStyles.HeaderRight : WorkbookStyles.Header);

        foreach (var item in rows.Items)
        {
            var used = rows.Rates.FirstOrDefault(r => r.Currency == item.Currency)
                ?? throw new ArgumentException($"No exchange rate is given for {item.Currency}, which a budget item uses.", nameof(sheet));
            builder.NewRow();
            builder.Text(item.Component);
            builder.Text(item.Output, wrap: true);
            builder.Text(item.Activity, wrap: true);
            builder.Text(item.Description, wrap: true);
            builder.Text(item.Category);
            builder.Text(item.Source);
            builder.Text(item.Financier, wrap: true);
            builder.Text(item.Instrument);
            builder.Text(item.Unit);
            Optional(builder, item.Quantity, WorkbookStyles.Number);
            Optional(builder, item.UnitCost, WorkbookStyles.UnitCost);
            builder.Text(item.Currency);
            foreach (var year in rows.YearColumns)
            {
                if (item.Amounts.Any(a => a.Year == year))
                    builder.Number(item.Amount(year), WorkbookStyles.Amount);
                else
                    builder.Skip();
            }
            builder.Formula(totalFormula, item.Total, WorkbookStyles.Amount);
            builder.Formula(rateFormula, used.Used, WorkbookStyles.Rate);
            builder.Formula(amountFormula, item.ConvertedTotal, WorkbookStyles.Amount);
            if (item.Note.Length > 0)
                builder.Text(item.Note, wrap: true);
            else
                builder.Skip(); // no note: an empty cell, not an empty string
        }
        if (rows.Items.Count == 0)
            builder.NewRow(); // a table has at least one (here empty) data row

        builder.NewRow();
        builder.Label(labels.Total, WorkbookStyles.Bold);
        builder.Skip(names.Count - 3);
        builder.Formula(table.TotalFormula(amount), rows.Items.Sum(i => i.ConvertedTotal), WorkbookStyles.BoldAmount);

        return new DetailSheet(builder, table, years, Name(0), Name(5), Name(7), Name(4), rate, amount);
    }

    public static string AmountHeader(BudgetSheet sheet) => $"{sheet.Labels.Total} ({sheet.Currency})";

    private static void Optional(SheetBuilder builder, decimal? value, uint style)
    {
        if (value is { } number)
            builder.Number(number, style);
        else
            builder.Skip();
    }
}
