namespace FinanceBuilder.Templates.Workbook;

/// <summary>The summary by component: one column per source and a total, each a live sum of the lines.</summary>
internal static class ComponentSheet
{
    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, LineSums sums, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var builder = new SheetBuilder(strings);
        builder.NewRow();
        builder.Text(labels.Component, bold: true);
        builder.Text(labels.ComponentName, bold: true);
        foreach (var source in rows.Sources)
            builder.Text(source, bold: true);
        builder.Text($"{labels.Total} ({sheet.Currency})", bold: true);

        var columns = rows.Sources.Count + 1;
        var totals = new decimal[columns];
        foreach (var (id, name) in rows.Components)
        {
            builder.NewRow();
            var row = builder.RowIndex;
            builder.Text(id);
            builder.Text(name);
            var component = new Criterion(LineColumn.Component, CellRef.Fixed(0, row), Text: id);
            for (var i = 0; i < rows.Sources.Count; i++)
            {
                var (formula, value) = sums.Sum(component, new Criterion(LineColumn.Source, CellRef.Header(2 + i), Text: rows.Sources[i]));
                builder.Formula(formula, value, WorkbookStyles.Amount);
                totals[i] += value;
            }
            var (totalFormula, total) = sums.Sum(component);
            builder.Formula(totalFormula, total, WorkbookStyles.Amount);
            totals[^1] += total;
        }

        TotalsRow.Write(builder, labels.Total, firstColumn: 2, totals, rows.Components.Count);
        return builder;
    }
}
