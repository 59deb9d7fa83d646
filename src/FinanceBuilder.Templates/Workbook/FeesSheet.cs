using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The accredited entity's fee and the project-management cost (Annex 4's last table, and the
/// fee request of Annex 11): each in its own currency, converted with the exchange-rate sheet,
/// and as a share of the GCF budget and of the total budget, both summed over the detailed
/// budget table.
/// </summary>
internal static class FeesSheet
{
    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, DetailSheet detail, RatesSheet rates, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var table = detail.Table;
        var builder = new SheetBuilder(strings);
        var amountHeader = DetailSheet.AmountHeader(sheet);

        // The two bases the shares are of.
        builder.NewRow();
        builder.Label(labels.Item, WorkbookStyles.Header);
        builder.Label(labels.Source, WorkbookStyles.Header);
        builder.Label(amountHeader, WorkbookStyles.HeaderRight);
        string? gcfCell = null;
        var gcf = 0m;
        if (sheet.GcfSource is { } source)
        {
            var key = BudgetRows.Key(source);
            builder.NewRow();
            gcfCell = "$C$" + builder.RowIndex.ToString(CultureInfo.InvariantCulture);
            builder.Label(labels.GcfBudget, WorkbookStyles.Text);
            builder.Text(key);
            gcf = rows.Items.Where(i => BudgetRows.Same(i.Source, key)).Sum(i => i.ConvertedTotal);
            builder.Formula($"SUMPRODUCT(({table.Column(detail.SourceColumn)}=$B{builder.RowIndex.ToString(CultureInfo.InvariantCulture)})*{table.Column(detail.AmountColumn)})",
                gcf, WorkbookStyles.Amount);
        }
        builder.NewRow();
        var totalCell = "$C$" + builder.RowIndex.ToString(CultureInfo.InvariantCulture);
        var total = rows.Items.Sum(i => i.ConvertedTotal);
        builder.Label(labels.TotalBudget, WorkbookStyles.Text);
        builder.Skip();
        builder.Formula($"SUM({table.Column(detail.AmountColumn)})", total, WorkbookStyles.Amount);

        builder.NewRow();
        builder.NewRow();
        builder.Label(labels.Item, WorkbookStyles.Header);
        builder.Label(labels.Currency, WorkbookStyles.Header);
        foreach (var header in new[] { labels.Amount, labels.RateUsed, amountHeader, labels.ShareOfGcf, labels.ShareOfTotal })
            builder.Label(header, WorkbookStyles.HeaderRight);
        builder.Label(labels.Notes, WorkbookStyles.Header);
        foreach (var fee in sheet.Fees)
        {
            builder.NewRow();
            var row = builder.RowIndex.ToString(CultureInfo.InvariantCulture);
            builder.Text(fee.Label);
            var rate = rows.Rates.FirstOrDefault(r => r.Currency == BudgetRows.Key(fee.Currency));
            if (fee.Amount is not { } amount)
            {
                builder.Skip(6);
                builder.Text(labels.NotGiven);
                continue;
            }
            builder.Text(BudgetRows.Key(fee.Currency));
            builder.Number(amount, WorkbookStyles.Amount);
            if (rate is null || fee.Converted is not { } converted)
            {
                builder.Skip(4);
                builder.Text(string.Format(CultureInfo.InvariantCulture, labels.NoRate, sheet.Currency));
                continue;
            }
            builder.Formula($"INDEX({rates.Table.Column(rates.UsedColumn)},MATCH($B{row},{rates.Table.Column(rates.CurrencyColumn)},0))", rate.Used, WorkbookStyles.Rate);
            builder.Formula($"C{row}*D{row}", converted, WorkbookStyles.Amount);
            Share(builder, $"E{row}", gcfCell, gcf, converted);
            Share(builder, $"E{row}", totalCell, total, converted);
        }
        return builder;
    }

    /// <summary>A share of a base, or an empty cell when the base is missing or zero (no #DIV/0!).</summary>
    private static void Share(SheetBuilder builder, string cell, string? baseCell, decimal baseValue, decimal value)
    {
        if (baseCell is null || baseValue == 0)
        {
            builder.Skip();
            return;
        }
        builder.Formula($"{cell}/{baseCell}", value / baseValue, WorkbookStyles.Percent);
    }
}
