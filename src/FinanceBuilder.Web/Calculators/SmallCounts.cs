namespace FinanceBuilder.Web.Calculators;

/// Counts of people by group are never shown when small (docs/decisions/0022-participation.md):
/// a count of 1 to k − 1 (k = 5) could point at a person — "the one migrant at the meeting". Such a
/// cell is hidden (primary suppression); and where a row or column shows its total, a second cell is
/// hidden too when only one of the line is, since the total minus the others would give it back
/// (secondary suppression: the smallest other non-zero cell, else the total itself). Zero is shown:
/// it reveals nobody. Every page, document and export that shows participation goes through here.
public static class SmallCounts
{
    public const int K = 5;

    /// A table of counts after suppression: null where a cell is hidden; totals likewise.
    public sealed record Table(long?[,] Cells, long?[] RowTotals, long?[] ColumnTotals);

    /// One list of counts (attendance by group) with its total shown.
    public static (long?[] Cells, long? Total) List(IReadOnlyList<long> counts, int k = K)
    {
        var grid = new long[1, counts.Count];
        for (var i = 0; i < counts.Count; i++)
            grid[0, i] = counts[i];
        var table = Suppress(grid, rowTotals: true, columnTotals: false, k);
        return (Enumerable.Range(0, counts.Count).Select(i => table.Cells[0, i]).ToArray(), table.RowTotals[0]);
    }

    /// Counts shown with no total (groups a person may belong to several of): only the small ones
    /// are hidden, since no sum of them is printed to give one back.
    public static long?[] Each(IEnumerable<long> counts, int k = K) =>
        [.. counts.Select(n => n is > 0 && n < k ? (long?)null : n)];

    /// The sum of rows printed each with its own total (<paramref name="shown"/>: null where the
    /// rule hid it; <paramref name="actual"/>: the true totals), as it may be printed below them:
    /// exact, unless exactly one row's total is hidden — the sum minus the others would give it
    /// back — and then only as "more than" the shown ones' sum (a lower bound that says nothing
    /// of the hidden row). Two hidden rows give back only their sum, which the rule allows.
    public static (long? Exact, long AtLeast) GrandTotal(IReadOnlyList<long?> shown, IReadOnlyList<long> actual)
    {
        var hidden = shown.Count(t => t is null);
        return hidden == 1 ? (null, shown.Sum(t => t ?? 0)) : (actual.Sum(), actual.Sum());
    }

    /// A hidden count as it is printed: "< 5" where the count itself is small; a mark where a
    /// larger count is hidden only so that a total cannot give a small one back (it is not small,
    /// and must not be said to be).
    public static string Text(long? shown, long actual, System.Globalization.CultureInfo culture, int k = K) =>
        shown is { } n ? n.ToString("N0", culture)
        : actual is > 0 && actual < k ? "< " + k.ToString(culture)
        : Hidden;

    /// The mark of a count hidden to protect another.
    public const string Hidden = "•";

    public static Table Suppress(long[,] counts, bool rowTotals, bool columnTotals, int k = K)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, K);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                hidden[r, c] = counts[r, c] is > 0 && counts[r, c] < k;
        }
        var rowTotalHidden = new bool[rows];
        var columnTotalHidden = new bool[columns];
        // Until no line can give a hidden cell back: a line with exactly one hidden cell and a
        // shown total hides one more cell, or its total when it has no other cell to hide.
        for (var changed = true; changed;)
        {
            changed = false;
            if (rowTotals)
            {
                for (var r = 0; r < rows; r++)
                    changed |= Protect(Enumerable.Range(0, columns).Select(c => (r, c)).ToList(), counts, hidden, ref rowTotalHidden[r]);
            }
            if (columnTotals)
            {
                for (var c = 0; c < columns; c++)
                    changed |= Protect(Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), counts, hidden, ref columnTotalHidden[c]);
            }
        }
        var cells = new long?[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                cells[r, c] = hidden[r, c] ? null : counts[r, c];
        }
        var rowSums = Enumerable.Range(0, rows).Select(r => rowTotalHidden[r] ? (long?)null : Enumerable.Range(0, columns).Sum(c => counts[r, c])).ToArray();
        var columnSums = Enumerable.Range(0, columns).Select(c => columnTotalHidden[c] ? (long?)null : Enumerable.Range(0, rows).Sum(r => counts[r, c])).ToArray();
        // A total that is itself small is hidden too.
        for (var r = 0; r < rows; r++)
        {
            if (rowSums[r] is > 0 and var s && s < k)
                rowSums[r] = null;
        }
        for (var c = 0; c < columns; c++)
        {
            if (columnSums[c] is > 0 and var s && s < k)
                columnSums[c] = null;
        }
        return new Table(cells, rowSums, columnSums);
    }

    private static bool Protect(List<(int R, int C)> line, long[,] counts, bool[,] hidden, ref bool totalHidden)
    {
        if (totalHidden || line.Count(p => hidden[p.R, p.C]) != 1)
            return false;
        var other = line.Where(p => !hidden[p.R, p.C] && counts[p.R, p.C] > 0).OrderBy(p => counts[p.R, p.C]).Cast<(int R, int C)?>().FirstOrDefault();
        if (other is { } cell)
            hidden[cell.R, cell.C] = true;
        else
            totalHidden = true;
        return true;
    }

}
