namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The summary by component and year. Lines without a year get a column of their own, the
/// component's total less its years, so every row still adds up to the lines.
/// </summary>
internal static class YearSheet
{
    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, LineSums sums, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var withoutYear = rows.Lines.Any(l => l.Year is null);
        var builder = new SheetBuilder(strings);
        builder.NewRow();
        builder.Text(labels.Component, bold: true);
        builder.Text(labels.ComponentName, bold: true);
        foreach (var year in rows.Years)
            builder.Number(year, WorkbookStyles.BoldInteger);
        if (withoutYear)
            builder.Text(labels.NoYear, bold: true);
        builder.Text($"{labels.Total} ({sheet.Currency})", bold: true);

        var totals = new decimal[rows.Years.Count + (withoutYear ? 2 : 1)];
        foreach (var (id, name) in rows.Components)
        {
            builder.NewRow();
            var row = builder.RowIndex;
            builder.Text(id);
            builder.Text(name);
            var component = new Criterion(LineColumn.Component, CellRef.Fixed(0, row), Text: id);
            for (var i = 0; i < rows.Years.Count; i++)
            {
                var (formula, value) = sums.Sum(component, new Criterion(LineColumn.Year, CellRef.Header(2 + i), Year: rows.Years[i]));
                builder.Formula(formula, value, WorkbookStyles.Amount);
                totals[i] += value;
            }
            var (totalFormula, total) = sums.Sum(component);
            if (withoutYear)
            {
                var years = rows.Years.Count == 0 ? "" : "-SUM(" + CellRef.Range(2, 1 + rows.Years.Count, row) + ")";
                var value = rows.Lines.Where(l => l.Year is null && BudgetRows.Same(l.Component, id)).Sum(l => l.Amount);
                builder.Formula(totalFormula + years, value, WorkbookStyles.Amount);
                totals[^2] += value;
            }
            builder.Formula(totalFormula, total, WorkbookStyles.Amount);
            totals[^1] += total;
        }

        TotalsRow.Write(builder, labels.Total, firstColumn: 2, totals, rows.Components.Count);
        return builder;
    }
}
