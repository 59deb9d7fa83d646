using System.Globalization;
using System.Text;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Web.Features.Review;

/// The comparison as a table to work on in a spreadsheet: one row per submission, one column per
/// compared figure (Comparison.Rows), headed in the reader's language. Numbers are numbers — in
/// the CSV written with a point and no grouping, in the XLSX as numeric cells — and names as text.
public static class ComparisonExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="withDocuments">The rows read from the frozen documents too (the comparison's
    /// few versions), or only the figures copied at submission (the whole list).</param>
    public static byte[] Csv(IReadOnlyList<Comparison.Column> columns, CultureInfo culture, bool withDocuments = true)
    {
        var rows = Rows(withDocuments);
        var text = new StringBuilder();
        text.Append(Web.Catalogue.Exports.DataPackage.Line(Headers(rows, culture)));
        foreach (var column in columns)
        {
            var cells = new List<string?> { NotAFormula(KeyFigureText.Title(column.Submission.Title)) };
            cells.AddRange(rows.Select(row => row.IsText
                ? NotAFormula(row.Text(column, culture))
                : row.Number(column)?.ToString("0.####", CultureInfo.InvariantCulture)));
            text.Append(Web.Catalogue.Exports.DataPackage.Line(cells));
        }
        // With a byte-order mark, as spreadsheets need to read UTF-8 (accents in names) as such.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<Comparison.Column> columns, string title, CultureInfo culture, bool withDocuments = true)
    {
        var rows = Rows(withDocuments);
        var cells = columns.Select(column => (IReadOnlyList<TableCell>)
            [TableCell.Of(KeyFigureText.Title(column.Submission.Title)),
             .. rows.Select(row => row.IsText ? TableCell.Of(row.Text(column, culture)) : TableCell.Of(row.Number(column)))]).ToList();
        using var output = new MemoryStream();
        TableWorkbook.Write([new TableSheet(title, Headers(rows, culture), cells)], title, culture.TwoLetterISOLanguageName, null, output);
        return output.ToArray();
    }

    private static List<Comparison.Row> Rows(bool withDocuments) => Comparison.Rows.Where(r => withDocuments || !r.FromDocument).ToList();

    private static List<string> Headers(IEnumerable<Comparison.Row> rows, CultureInfo culture) =>
        [ReviewText.Texts.Format(culture, "Col.Title"), .. rows.Select(row => Comparison.Label(row, culture))];

    /// A title or name starting like a formula (=, +, -, @) is kept as text by a spreadsheet that
    /// opens the CSV: an apostrophe goes first (the XLSX writes text cells as text anyway).
    private static string NotAFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
