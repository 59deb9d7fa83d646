using FinanceBuilder.Templates.Content;

namespace FinanceBuilder.Templates.Rendering;

/// <summary>
/// Runs of tables that directly follow one another with the same number of columns (the risk
/// register writes one table per risk factor). The PDF and the DOCX give a run's tables the same
/// column widths (TableLayout.FitGroup).
/// </summary>
internal static class TableRuns
{
    public static Dictionary<Table, IReadOnlyList<Table>> Of(IReadOnlyList<ContentBlock> blocks)
    {
        var runs = new Dictionary<Table, IReadOnlyList<Table>>(ReferenceEqualityComparer.Instance);
        var i = 0;
        while (i < blocks.Count)
        {
            if (blocks[i] is not Table first || first.Rows.Count == 0)
            {
                i++;
                continue;
            }
            var run = new List<Table> { first };
            var columns = Columns(first);
            var j = i + 1;
            while (j < blocks.Count && blocks[j] is Table next && next.Rows.Count > 0 && Columns(next) == columns)
                run.Add((Table)blocks[j++]);
            if (run.Count > 1)
            {
                foreach (var table in run)
                    runs[table] = run;
            }
            i = j;
        }
        return runs;
    }

    private static int Columns(Table table) => table.Rows.Max(r => r.Count);
}
