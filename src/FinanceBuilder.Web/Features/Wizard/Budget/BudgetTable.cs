using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// A block of rows from a spreadsheet (pasted, or read from a CSV or XLSX file) read into budget
/// rows. A first row naming the columns ("Description", "Unit cost", "2028"…) says which column
/// is which, in any order; without one the columns are the grid's, in its order. Either every
/// row is read or none: the errors name each cell as the spreadsheet shows it (row, column).
public static class BudgetTable
{
    /// As many rows as the model holds lines (Budget.Lines, 2,000): one row per line at least.
    public const int MaxRows = 2_000;
    public const int MaxColumns = 60;

    public sealed record Result(IReadOnlyList<BudgetRow> Rows, IReadOnlyList<string> Errors, int ErrorCount);

    /// Errors listed in full; beyond, "and N more" (a wrong separator fails every cell).
    public const int ErrorsShown = 50;

    public static Result Read(IReadOnlyList<IReadOnlyList<BudgetCell>> table, IReadOnlyList<int> gridYears, BudgetRowReader reader, CultureInfo culture)
    {
        var errors = new List<string>();
        var count = 0;
        void Error(string message)
        {
            if (count++ < ErrorsShown)
                errors.Add(message);
        }

        var dataRows = table.Count(r => r.Any(c => !c.IsEmpty));
        if (dataRows == 0)
        {
            Error(BudgetText.Get("Error.NoRows", culture));
            return new Result([], errors, count);
        }
        if (dataRows > MaxRows + 1)
        {
            Error(BudgetText.Format(culture, "Error.TooManyRows", dataRows, MaxRows));
            return new Result([], errors, count);
        }
        var widest = table.Max(r => r.Count);
        if (widest > MaxColumns)
        {
            Error(BudgetText.Format(culture, "Error.TooManyColumns", widest, MaxColumns));
            return new Result([], errors, count);
        }

        var first = FirstNonEmpty(table);
        var layout = Header(table[first], culture, Error);
        var start = first + 1;
        if (layout is null)
        {
            if (count > 0)
                return new Result([], errors, count);
            // No header: the grid's own order as it was before activities and notes were asked,
            // so blocks copied from older exports still land in their columns; those need a header.
            layout = [.. Enum.GetValues<BudgetColumn>().Where(c => c is not (BudgetColumn.Activity or BudgetColumn.Note)).Select(c => new Slot(c, null)), .. gridYears.Select(y => new Slot(null, y))];
            start = first;
        }

        var rows = new List<BudgetRow>();
        for (var r = start; r < table.Count; r++)
        {
            var cells = table[r];
            if (cells.All(c => c.IsEmpty))
                continue;
            if (cells.Count > layout.Count && cells.Skip(layout.Count).Any(c => !c.IsEmpty))
            {
                Error(BudgetText.Format(culture, "Error.RowTooWide", r + 1, cells.Count, layout.Count));
                continue;
            }
            var fields = new Dictionary<BudgetColumn, BudgetCell>();
            var years = new Dictionary<int, BudgetCell>();
            for (var c = 0; c < Math.Min(cells.Count, layout.Count); c++)
            {
                if (layout[c].Column is { } column)
                    fields[column] = cells[c];
                else if (layout[c].Year is { } year && year >= 0)
                    years[year] = cells[c];
            }
            var cellErrors = new List<BudgetCellError>();
            if (reader.Read(fields, years, cellErrors) is { } row)
                rows.Add(row);
            foreach (var error in cellErrors)
                Error(BudgetText.CellError(culture, r + 1, error));
        }
        return count > 0 ? new Result([], errors, count) : new Result(rows, [], 0);
    }

    private sealed record Slot(BudgetColumn? Column, int? Year);

    private static int FirstNonEmpty(IReadOnlyList<IReadOnlyList<BudgetCell>> table)
    {
        var i = 0;
        while (table[i].All(c => c.IsEmpty))
            i++;
        return i;
    }

    /// The columns a header row names, or null when the first row is data: a header names at
    /// least one column ("Description") or two years; any other text in it is an error.
    private static List<Slot>? Header(IReadOnlyList<BudgetCell> row, CultureInfo culture, Action<string> error)
    {
        var slots = new List<Slot>();
        var unknown = new List<(int Index, string Text)>();
        foreach (var cell in row)
        {
            var text = cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : cell.Text.Trim();
            if (text.Length == 0)
                slots.Add(new Slot(null, -1)); // an unnamed column (a spreadsheet's own notes) is left out
            else if (BudgetText.ColumnNamed(text) is { } column)
                slots.Add(new Slot(column, null));
            else if (string.Equals(text, BudgetText.Get("Column.NoYear", culture), StringComparison.OrdinalIgnoreCase))
                slots.Add(new Slot(null, 0));
            else if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                slots.Add(new Slot(null, year));
            else
            {
                unknown.Add((slots.Count + 1, text));
                slots.Add(new Slot(null, -1));
            }
        }
        var names = slots.Count(s => s.Column is not null);
        if (names == 0 && slots.Count(s => s.Year is > 0) < 2)
            return null;
        var known = string.Join(", ", Enum.GetValues<BudgetColumn>().Select(c => BudgetText.Column(c, culture)));
        foreach (var (index, text) in unknown)
            error(BudgetText.Format(culture, "Error.HeaderUnknown", index, text.Length > 40 ? text[..40] + "…" : text, known));
        foreach (var year in slots.Where(s => s.Year is > 0).Select(s => s.Year!.Value))
        {
            if (year < YearAttribute.Min || year > YearAttribute.Max)
                error(BudgetText.Format(culture, "Error.HeaderYear", year, YearAttribute.Min, YearAttribute.Max));
        }
        foreach (var duplicate in slots.Where(s => s.Column is not null || s.Year >= 0).GroupBy(s => s).Where(g => g.Count() > 1))
            error(BudgetText.Format(culture, "Error.HeaderTwice", duplicate.Key.Column is { } c ? BudgetText.Column(c, culture) : duplicate.Key.Year?.ToString(CultureInfo.InvariantCulture)));
        return slots;
    }
}
