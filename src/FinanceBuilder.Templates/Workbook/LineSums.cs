using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>The columns of the lines sheet, in order.</summary>
internal enum LineColumn { Component, Description, Category, Source, Financier, Instrument, Year, OriginalCurrency, OriginalAmount, Amount }

/// <summary>A condition on a lines column: equal to the key in a cell of the summary sheet.</summary>
internal readonly record struct Criterion(LineColumn Column, string Cell, string? Text = null, int? Year = null);

/// <summary>
/// Sums of the amount column of the lines sheet: the formula a summary cell holds, and the value
/// it computes, from the same criteria so the two cannot drift apart.
/// </summary>
internal sealed class LineSums
{
    private readonly IReadOnlyList<CleanLine> lines;
    private readonly string sheet;
    private readonly HashSet<LineColumn> exactColumns = [];

    public LineSums(BudgetRows rows, string sheetName)
    {
        lines = rows.Lines;
        sheet = SheetNames.Reference(sheetName);
        // An empty lines sheet still has one (empty) data row, so no range is upside down.
        LastRow = 1 + Math.Max(lines.Count, 1);
        // Every key a criterion may hold counts, the summary rows' as much as the lines'.
        if (!Criteria.ArePlain(rows.Components.Select(c => c.Id)))
            exactColumns.Add(LineColumn.Component);
        if (!Criteria.ArePlain(rows.Sources))
            exactColumns.Add(LineColumn.Source);
        if (!Criteria.ArePlain(lines.Select(l => l.Instrument)))
            exactColumns.Add(LineColumn.Instrument);
    }

    /// <summary>The last data row of the lines sheet (the totals row is the next).</summary>
    public int LastRow { get; }

    public string Range(LineColumn column)
    {
        var letter = SheetBuilder.ColumnName((int)column);
        return string.Create(CultureInfo.InvariantCulture, $"${letter}$2:${letter}${LastRow}");
    }

    public (string Formula, decimal Value) Sum(params Criterion[] criteria)
    {
        var value = lines.Where(l => criteria.All(c => Matches(l, c))).Sum(l => l.Amount);
        var amount = sheet + "!" + Range(LineColumn.Amount);
        var formula = criteria.Any(c => exactColumns.Contains(c.Column))
            ? "SUMPRODUCT(" + string.Concat(criteria.Select(c => $"({sheet}!{Range(c.Column)}={c.Cell})*")) + amount + ")"
            : "SUMIFS(" + amount + string.Concat(criteria.Select(c => $",{sheet}!{Range(c.Column)},{c.Cell}")) + ")";
        return (formula, value);
    }

    private static bool Matches(CleanLine line, Criterion criterion) => criterion.Column switch
    {
        LineColumn.Component => BudgetRows.Same(line.Component, criterion.Text!),
        LineColumn.Source => BudgetRows.Same(line.Source, criterion.Text!),
        LineColumn.Instrument => BudgetRows.Same(line.Instrument, criterion.Text!),
        LineColumn.Year => line.Year == criterion.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion.Column, "Not a key column."),
    };
}
