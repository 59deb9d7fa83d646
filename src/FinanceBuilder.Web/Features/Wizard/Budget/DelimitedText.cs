using System.Text;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// Rows of cells from text a spreadsheet wrote: tab-separated when copied (Excel, LibreOffice),
/// ";" or "," in a CSV file. A quoted cell may hold the separator, line breaks and "" for a quote.
public static class DelimitedText
{
    public static List<IReadOnlyList<BudgetCell>> Parse(string text, char separator)
    {
        var rows = new List<IReadOnlyList<BudgetCell>>();
        var row = new List<BudgetCell>();
        var cell = new StringBuilder();
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c);
                continue;
            }
            if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
            }
            else if (c == separator)
            {
                row.Add(new BudgetCell(cell.ToString()));
                cell.Clear();
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                row.Add(new BudgetCell(cell.ToString()));
                rows.Add(row);
                row = [];
                cell.Clear();
                atCellStart = true;
            }
            else
            {
                cell.Append(c);
                atCellStart = false;
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(new BudgetCell(cell.ToString()));
            rows.Add(row);
        }
        return rows;
    }

    /// The separator of a CSV file, from its first line: ";" (what French spreadsheets write,
    /// since "," is their decimal mark), else a tab, else ",".
    public static char SeparatorOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return first.Contains(';', StringComparison.Ordinal) ? ';' : first.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
    }
}
