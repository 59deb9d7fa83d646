namespace FinanceBuilder.Templates.Workbook;

/// <summary>The sheet of budget lines: one row each, filterable, with a total that follows the filter.</summary>
internal static class LinesSheet
{
    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, LineSums sums, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var builder = new SheetBuilder(strings);
        builder.NewRow();
        foreach (var header in new[]
        {
            labels.Component, labels.Description, labels.Category, labels.Source, labels.Financier, labels.Instrument,
            labels.Year, labels.OriginalCurrency, labels.OriginalAmount, AmountHeader(sheet),
        })
            builder.Text(header, bold: true);

        foreach (var line in rows.Lines)
        {
            builder.NewRow();
            builder.Text(line.Component);
            builder.Text(line.Description);
            builder.Text(line.Category);
            builder.Text(line.Source);
            builder.Text(line.Financier);
            builder.Text(line.Instrument);
            if (line.Year is { } year)
                builder.Number(year, WorkbookStyles.Integer);
            else
                builder.Skip();
            builder.Text(line.OriginalCurrency);
            builder.Number(line.OriginalAmount, WorkbookStyles.Amount);
            builder.Number(line.Amount, WorkbookStyles.Amount);
        }

        // The totals row sits below the filtered range; SUBTOTAL(109) sums only the rows a
        // filter leaves visible. Amounts in their own currencies are not added up: they mix currencies.
        while (builder.RowIndex < sums.LastRow)
            builder.NewRow();
        builder.NewRow();
        builder.Text(labels.Total, bold: true);
        for (var column = 1; column < (int)LineColumn.Amount; column++)
            builder.Skip();
        builder.Formula("SUBTOTAL(109," + sums.Range(LineColumn.Amount).Replace("$", "", StringComparison.Ordinal) + ")",
            rows.Lines.Sum(l => l.Amount), WorkbookStyles.BoldAmount);
        return builder;
    }

    /// <summary>The range the autofilter covers: the header row and the lines, not the totals.</summary>
    public static string FilterRange(LineSums sums) =>
        "A1:" + SheetBuilder.ColumnName((int)LineColumn.Amount) + sums.LastRow.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string AmountHeader(BudgetSheet sheet) => $"{sheet.Labels.Amount} ({sheet.Currency})";
}
