using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>Cell references the summary sheets write into their formulas.</summary>
internal static class CellRef
{
    /// <summary>A key cell of the current row, its column fixed ($A2) so the formula reads the same along the row.</summary>
    public static string Fixed(int column, int row) => string.Create(CultureInfo.InvariantCulture, $"${SheetBuilder.ColumnName(column)}{row}");

    /// <summary>A header cell, its row fixed (C$1).</summary>
    public static string Header(int column) => SheetBuilder.ColumnName(column) + "$1";

    /// <summary>A range along one row (C2:F2).</summary>
    public static string Range(int first, int last, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{SheetBuilder.ColumnName(first)}{row}:{SheetBuilder.ColumnName(last)}{row}");
}
