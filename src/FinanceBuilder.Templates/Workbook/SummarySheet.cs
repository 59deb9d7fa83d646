using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The summary of the detailed budget in the reporting currency, one block each by component, by
/// funding source and instrument, and by expenditure type, with a column per year: the totals a
/// reviewer reconciles with the financing section (C.2). Every cell is a SUMPRODUCT over the
/// detailed budget table — amount of the year × rate, for the rows whose key equals the row's
/// — and the totals row sums the whole table, so a row appended to it shows here at once.
/// </summary>
internal static class SummarySheet
{
    /// <summary>A row of a block: its two key cells, and which of them is compared with which table column.</summary>
    private sealed record BlockRow(string First, string Second, Func<CleanItem, bool> Matches);

    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, DetailSheet detail, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var builder = new SheetBuilder(strings);

        Block(builder, rows, detail, string.Format(CultureInfo.InvariantCulture, labels.ByComponent, sheet.Currency),
            (labels.Component, labels.ComponentName), (detail.ComponentColumn, null),
            rows.Components.Select(c => new BlockRow(c.Id, c.Name, i => BudgetRows.Same(i.Component, c.Id))).ToList(), labels);
        builder.NewRow();
        Block(builder, rows, detail, string.Format(CultureInfo.InvariantCulture, labels.BySource, sheet.Currency),
            (labels.Source, labels.Instrument), (detail.SourceColumn, detail.InstrumentColumn),
            rows.SourceInstruments.Select(p => new BlockRow(p.Source, p.Instrument,
                i => BudgetRows.Same(i.Source, p.Source) && BudgetRows.Same(i.Instrument, p.Instrument))).ToList(), labels);
        builder.NewRow();
        Block(builder, rows, detail, string.Format(CultureInfo.InvariantCulture, labels.ByCategory, sheet.Currency),
            (labels.Category, ""), (detail.CategoryColumn, null),
            rows.Categories.Select(c => new BlockRow(c, "", i => BudgetRows.Same(i.Category, c))).ToList(), labels);
        return builder;
    }

    private static void Block(SheetBuilder builder, BudgetRows rows, DetailSheet detail, string title, (string First, string Second) headers,
        (string First, string? Second) keyColumns, IReadOnlyList<BlockRow> blockRows, BudgetSheetLabels labels)
    {
        var table = detail.Table;
        var years = rows.YearColumns.ToList();
        builder.NewRow();
        builder.Label(title, WorkbookStyles.Title);
        builder.NewRow();
        builder.Label(headers.First, WorkbookStyles.Header);
        builder.Label(headers.Second, WorkbookStyles.Header);
        for (var y = 0; y < years.Count; y++)
            builder.Label(detail.YearColumns[y], WorkbookStyles.HeaderRight);
        builder.Label(labels.Total, WorkbookStyles.HeaderRight);

        foreach (var blockRow in blockRows)
        {
            builder.NewRow();
            var row = builder.RowIndex.ToString(CultureInfo.InvariantCulture);
            builder.Text(blockRow.First);
            builder.Text(blockRow.Second, wrap: true);
            var condition = $"({table.Column(keyColumns.First)}=$A{row})*"
                + (keyColumns.Second is { } second ? $"({table.Column(second)}=$B{row})*" : "");
            var items = rows.Items.Where(blockRow.Matches).ToList();
            for (var y = 0; y < years.Count; y++)
            {
                builder.Formula($"SUMPRODUCT({condition}{table.Column(detail.YearColumns[y])}*{table.Column(detail.RateColumn)})",
                    items.Sum(i => i.Converted(years[y])), WorkbookStyles.Amount);
            }
            builder.Formula($"SUMPRODUCT({condition}{table.Column(detail.AmountColumn)})", items.Sum(i => i.ConvertedTotal), WorkbookStyles.Amount);
        }

        // The whole table, not the rows above: an item whose key no row names still counts here.
        builder.NewRow();
        builder.Label(labels.Total, WorkbookStyles.Bold);
        builder.Skip();
        for (var y = 0; y < years.Count; y++)
        {
            builder.Formula($"SUMPRODUCT({table.Column(detail.YearColumns[y])},{table.Column(detail.RateColumn)})",
                rows.Items.Sum(i => i.Converted(years[y])), WorkbookStyles.BoldAmount);
        }
        builder.Formula($"SUM({table.Column(detail.AmountColumn)})", rows.Items.Sum(i => i.ConvertedTotal), WorkbookStyles.BoldAmount);
    }
}
