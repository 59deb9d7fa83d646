namespace FinanceBuilder.Templates.Workbook;

/// <summary>The summary by funding source and instrument.</summary>
internal static class SourceSheet
{
    public static SheetBuilder Build(BudgetSheet sheet, BudgetRows rows, LineSums sums, SharedStrings strings)
    {
        var labels = sheet.Labels;
        var builder = new SheetBuilder(strings);
        builder.NewRow();
        builder.Text(labels.Source, bold: true);
        builder.Text(labels.Instrument, bold: true);
        builder.Text(LinesSheet.AmountHeader(sheet), bold: true);

        var totals = new decimal[1];
        foreach (var (source, instrument) in rows.SourceInstruments)
        {
            builder.NewRow();
            var row = builder.RowIndex;
            builder.Text(source);
            builder.Text(instrument);
            var (formula, value) = sums.Sum(
                new Criterion(LineColumn.Source, CellRef.Fixed(0, row), Text: source),
                new Criterion(LineColumn.Instrument, CellRef.Fixed(1, row), Text: instrument));
            builder.Formula(formula, value, WorkbookStyles.Amount);
            totals[0] += value;
        }

        TotalsRow.Write(builder, labels.Total, firstColumn: 2, totals, rows.SourceInstruments.Count);
        return builder;
    }
}
