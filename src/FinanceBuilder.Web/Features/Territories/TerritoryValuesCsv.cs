using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Text;
using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Proposals.Reference;
using Sylvan.Data.Csv;

namespace FinanceBuilder.Web.Features.Territories;

/// One value of the shared library as a row of the CSV (docs/territorial-indicators.md):
/// an indicator of the library, a territory (a country, or a place in it by its official code),
/// a year, the value as written, and where it comes from under which licence.
public sealed record TerritoryValueRow(
    int Row, string Indicator, string Country, string TerritoryCode, string TerritoryName, int Year,
    string ValueText, decimal Value, string Source, DateOnly SourceDate, string Licence);

/// How a file was laid out, so that it is written back byte for byte: a byte-order mark (what
/// Excel's "CSV UTF-8" writes), the line ending, and a line break after the last row.
public sealed record CsvLayout(bool Bom, bool CrLf, bool FinalNewline)
{
    public static readonly CsvLayout Plain = new(false, false, true);

    public string Stored => $"{(Bom ? "bom" : "nobom")},{(CrLf ? "crlf" : "lf")},{(FinalNewline ? "final" : "nofinal")}";

    public static CsvLayout Parse(string stored)
    {
        var parts = stored.Split(',');
        return new CsvLayout(parts.Contains("bom"), parts.Contains("crlf"), !parts.Contains("nofinal"));
    }

    public static CsvLayout Of(string text) => new(
        text.StartsWith('\uFEFF'),
        text.IndexOf('\n', StringComparison.Ordinal) is var n and > 0 && text[n - 1] == '\r',
        text.EndsWith('\n'));
}

/// Reads and writes the values CSV. Reading checks every cell and refuses the whole file when
/// one is wrong, listing each problem by row (the header is row 1, as a spreadsheet numbers it)
/// and column; nothing of a refused file is stored. Writing gives back the rows in their order,
/// each cell as it was read (numbers as written, not re-formatted), quoted only where a comma, a
/// quote or a line break needs it, in the file's own layout: a file that kept to that quoting
/// comes back byte-identical.
public static partial class TerritoryValuesCsv
{
    public static readonly string[] Columns =
        ["indicator", "country", "territory_code", "territory_name", "year", "value", "source", "source_date", "licence"];

    /// The licences the shared library accepts, as SPDX names them: open data, free to reuse.
    public static readonly string[] Licences = ["CC-BY-4.0", "etalab-2.0", "CC0-1.0", "ODbL-1.0"];

    public const int MaxBytes = 4 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxErrors = 100;
    public const int MinYear = 1950;
    public const int MaxYear = 2100;
    private const int MaxText = 300;

    public sealed record Result(IReadOnlyList<TerritoryValueRow> Rows, IReadOnlyList<string> Errors, CsvLayout Layout)
    {
        public bool IsValid => Errors.Count == 0 && Rows.Count > 0;
    }

    public static Result Read(string text, CultureInfo culture)
    {
        var errors = new List<string>();
        var rows = new List<TerritoryValueRow>();
        var layout = CsvLayout.Of(text);
        string T(string key, params object?[] args) => TerritoryText.Texts.Format(culture, key, args);
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(layout.Bom ? text[1..] : text), new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024 });
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
            if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
                return new Result([], [T("Csv.Header", string.Join(",", Columns))], layout);
            var seen = new Dictionary<(string, string, string, int), int>();
            var row = 1;
            while (csv.Read() && errors.Count < MaxErrors)
            {
                row++;
                if (row - 1 > MaxRows)
                {
                    errors.Add(T("Csv.TooManyRows", MaxRows.ToString("N0", culture)));
                    break;
                }
                if (csv.RowFieldCount != Columns.Length)
                {
                    errors.Add(T("Csv.FieldCount", row, csv.RowFieldCount, Columns.Length));
                    continue;
                }
                var before = errors.Count;
                var cells = Enumerable.Range(0, Columns.Length).Select(i => csv.GetString(i).Trim()).ToArray();
                void Bad(int column, string key, params object?[] args) => errors.Add(T("Csv.Cell", row, Columns[column], T(key, args)));
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i].Length > MaxText)
                        Bad(i, "Csv.TooLong", MaxText);
                    else if (DocumentText.IndexOfInvalidCharacter(cells[i]) >= 0)
                        Bad(i, "Csv.BadCharacter");
                }
                if (errors.Count > before)
                    continue;

                var definition = IndicatorLibrary.Find(cells[0]);
                if (cells[0].Length == 0) Bad(0, "Csv.Required");
                else if (definition is null) Bad(0, "Csv.UnknownIndicator", Shorten(cells[0]));
                if (!IsoCodes.Countries.Contains(cells[1])) Bad(1, "Csv.Country", Shorten(cells[1]));
                if (cells[2].Length > 0 && !TerritoryCodePattern().IsMatch(cells[2])) Bad(2, "Csv.TerritoryCode");
                if (cells[2].Length > 0 && cells[3].Length == 0) Bad(3, "Csv.TerritoryName");
                var year = 0;
                if (!int.TryParse(cells[4], NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < MinYear or > MaxYear)
                    Bad(4, "Csv.Year", Shorten(cells[4]), MinYear, MaxYear);
                var value = 0m;
                if (!NumberPattern().IsMatch(cells[5]) || !decimal.TryParse(cells[5], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                    Bad(5, "Csv.Number", Shorten(cells[5]));
                else if (definition is not null)
                {
                    var decimals = cells[5].Contains('.', StringComparison.Ordinal) ? cells[5].Length - cells[5].IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                    if (decimals > definition.Decimals)
                        Bad(5, "Csv.Decimals", definition.Code, definition.Decimals);
                    else if (definition.Min is { } min && value < min)
                        Bad(5, "Csv.Below", min.ToString(culture), definition.Code);
                    else if (definition.Max is { } max && value > max)
                        Bad(5, "Csv.Above", max.ToString(culture), definition.Code);
                }
                if (cells[6].Length == 0) Bad(6, "Csv.Required");
                if (!DateOnly.TryParseExact(cells[7], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sourceDate) || sourceDate.Year is < MinYear or > MaxYear)
                    Bad(7, "Csv.Date", Shorten(cells[7]));
                if (!Licences.Contains(cells[8], StringComparer.Ordinal))
                    Bad(8, "Csv.Licence", Shorten(cells[8]), string.Join(", ", Licences));
                if (errors.Count > before)
                    continue;
                if (seen.TryGetValue((cells[0], cells[1], cells[2], year), out var first))
                {
                    Bad(4, "Csv.Duplicate", first);
                    continue;
                }
                seen[(cells[0], cells[1], cells[2], year)] = row;
                rows.Add(new TerritoryValueRow(row, cells[0], cells[1], cells[2], cells[3], year, cells[5], value, cells[6], sourceDate, cells[8]));
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException or InvalidDataException)
        {
            errors.Add(T("Csv.Unreadable"));
        }
        if (errors.Count == 0 && rows.Count == 0)
            errors.Add(T("Csv.NoRows"));
        return new Result(errors.Count == 0 ? rows : [], errors, layout);
    }

    /// The rows as a CSV in <paramref name="layout"/>.
    public static string Write(IEnumerable<TerritoryValueRow> rows, CsvLayout layout)
    {
        var newline = layout.CrLf ? "\r\n" : "\n";
        var text = new StringBuilder(64 * 1024);
        if (layout.Bom)
            text.Append('\uFEFF');
        text.AppendJoin(',', Columns);
        foreach (var r in rows)
        {
            text.Append(newline);
            Cell(text, r.Indicator).Append(',');
            Cell(text, r.Country).Append(',');
            Cell(text, r.TerritoryCode).Append(',');
            Cell(text, r.TerritoryName).Append(',');
            text.Append(r.Year.ToString(CultureInfo.InvariantCulture)).Append(',');
            Cell(text, r.ValueText).Append(',');
            Cell(text, r.Source).Append(',');
            text.Append(r.SourceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
            Cell(text, r.Licence);
        }
        if (layout.FinalNewline)
            text.Append(newline);
        return text.ToString();
    }

    private static StringBuilder Cell(StringBuilder text, string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text.Append(value) : text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// The official code of a place in its country (Catalogue/TerritoryCode).
    public static Regex TerritoryCodePattern() => FinanceBuilder.Web.Catalogue.TerritoryCode.Pattern();

    /// A plain decimal number: an optional minus, digits, a point and up to six decimals; no
    /// thousands separator, no exponent, no decimal comma (each language writes those differently).
    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$", RegexOptions.None, 1000)]
    private static partial Regex NumberPattern();
}
