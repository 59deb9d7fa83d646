using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>The totals row of a summary sheet: a SUM of each amount column above it.</summary>
internal static class TotalsRow
{
    public static void Write(SheetBuilder builder, string label, int firstColumn, decimal[] totals, int rowCount)
    {
        builder.NewRow();
        var row = builder.RowIndex;
        builder.Text(label, bold: true);
        for (var column = 1; column < firstColumn; column++)
            builder.Skip();
        for (var i = 0; i < totals.Length; i++)
        {
            // With no row above, SUM(C2:C1) would turn around and take in the header.
            if (rowCount == 0)
            {
                builder.Number(0, WorkbookStyles.BoldAmount);
                continue;
            }
            var letter = SheetBuilder.ColumnName(firstColumn + i);
            builder.Formula(string.Create(CultureInfo.InvariantCulture, $"SUM({letter}2:{letter}{row - 1})"), totals[i], WorkbookStyles.BoldAmount);
        }
    }
}
