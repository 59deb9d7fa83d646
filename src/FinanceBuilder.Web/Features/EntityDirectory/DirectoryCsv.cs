using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Text;
using FinanceBuilder.Web.Proposals.Model;
using Sylvan.Data.Csv;

namespace FinanceBuilder.Web.Features.EntityDirectory;

/// Reads the directory's CSV (the shipped seed and an administrator's upload alike) and checks
/// every cell: a file with one bad cell gives no directory, and the list of everything wrong,
/// each named by row (as a spreadsheet numbers it: the header is row 1) and column.
public static partial class DirectoryCsv
{
    public static readonly string[] Columns =
    [
        "id", "name", "short_name", "access_modality", "country_or_region", "sector", "accreditation_size", "max_ess_category",
        "fiduciary_basic", "fiduciary_project_management", "fiduciary_grant_award", "fiduciary_on_lending_blending", "source", "as_of",
    ];

    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 2_000;
    public const int MaxErrors = 50;
    private const int MaxCell = 2_000;

    private static readonly string[] Modalities = ["direct_national", "direct_regional", "international"];
    private static readonly string[] Sectors = ["public", "private"];
    private static readonly string[] Sizes = ["micro", "small", "medium", "large"];
    private static readonly string[] EssValues = ["A/I-1", "B/I-2", "C/I-3", "A", "B", "C", "I-1", "I-2", "I-3"];
    private static readonly string[] YesNo = ["yes", "no"];
    private static readonly string[] Instruments = ["loans", "equity", "guarantees"];

    public sealed record Result(IReadOnlyList<DirectoryEntry> Entries, IReadOnlyList<string> Errors)
    {
        public bool IsValid => Errors.Count == 0 && Entries.Count > 0;
    }

    public static Result Read(string text, CultureInfo culture)
    {
        var errors = new List<string>();
        var entries = new List<DirectoryEntry>();
        string T(string key, params object?[] args) => DirectoryText.Texts.Format(culture, key, args);
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024 });
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF')).ToArray();
            if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
                return new Result([], [T("Csv.Header", string.Join(",", Columns))]);
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var row = 1;
            while (csv.Read() && errors.Count < MaxErrors)
            {
                row++;
                if (row - 1 > MaxRows)
                {
                    errors.Add(T("Csv.TooManyRows", MaxRows));
                    break;
                }
                if (csv.RowFieldCount != Columns.Length)
                {
                    errors.Add(T("Csv.FieldCount", row, csv.RowFieldCount, Columns.Length));
                    continue;
                }
                var before = errors.Count;
                var cells = Enumerable.Range(0, Columns.Length).Select(i => csv.GetString(i).Trim()).ToArray();
                void Bad(int column, string key, params object?[] args) =>
                    errors.Add(T("Csv.Cell", row, Columns[column], T(key, args)));
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i].Length > MaxCell)
                        Bad(i, "Csv.TooLong", MaxCell);
                    else if (DocumentText.IndexOfInvalidCharacter(cells[i]) >= 0)
                        Bad(i, "Csv.BadCharacter");
                }
                if (errors.Count > before)
                    continue;

                var id = cells[0];
                if (!IdPattern().IsMatch(id))
                    Bad(0, "Csv.Id");
                else if (!ids.Add(id))
                    Bad(0, "Csv.DuplicateId", id);
                if (cells[1].Length == 0) Bad(1, "Csv.Required");
                else if (cells[1].Length > ShortTextAttribute.MaxLength) Bad(1, "Csv.TooLong", ShortTextAttribute.MaxLength);
                if (cells[2].Length == 0) Bad(2, "Csv.Required");
                else if (cells[2].Length > ShortTextAttribute.MaxLength) Bad(2, "Csv.TooLong", ShortTextAttribute.MaxLength);
                OneOf(3, Modalities);
                if (cells[4].Length > ShortTextAttribute.MaxLength) Bad(4, "Csv.TooLong", ShortTextAttribute.MaxLength);
                OneOf(5, Sectors);
                OneOf(6, Sizes);
                OneOf(7, EssValues);
                OneOf(8, YesNo);
                OneOf(9, YesNo);
                OneOf(10, YesNo);
                if (cells[11].Length > 0 && !IsOnLending(cells[11]))
                    Bad(11, "Csv.OnLending");
                if (cells[12].Length == 0) Bad(12, "Csv.Required");
                DateOnly? asOf = null;
                if (cells[13].Length > 0)
                {
                    if (DateOnly.TryParseExact(cells[13], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2010 and <= 2100)
                        asOf = date;
                    else
                        Bad(13, "Csv.Date", cells[13]);
                }
                if (errors.Count > before)
                    continue;
                entries.Add(new DirectoryEntry(
                    id, cells[1], cells[2], KindOf(cells[3]), Empty(cells[4]), Empty(cells[5]), SizeOf(cells[6]), Empty(cells[7]),
                    Flag(cells[8]), Flag(cells[9]), Flag(cells[10]), Empty(cells[11]), cells[12], asOf));

                void OneOf(int column, string[] allowed)
                {
                    if (cells[column].Length > 0 && !allowed.Contains(cells[column], StringComparer.Ordinal))
                        Bad(column, "Csv.OneOf", Shorten(cells[column]), string.Join(", ", allowed));
                }
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException or InvalidDataException)
        {
            errors.Add(T("Csv.Unreadable"));
        }
        if (errors.Count == 0 && entries.Count == 0)
            errors.Add(T("Csv.NoRows"));
        return new Result(errors.Count == 0 ? entries : [], errors);
    }

    /// "no", "yes", or instruments such as "loans;equity", each possibly limited to a smaller
    /// size than the AE's ("loans@small").
    private static bool IsOnLending(string value) =>
        value is "no" or "yes" || value.Split(';').All(part =>
        {
            var pieces = part.Split('@');
            return pieces.Length <= 2 && Instruments.Contains(pieces[0], StringComparer.Ordinal)
                && (pieces.Length == 1 || Sizes.Contains(pieces[1], StringComparer.Ordinal));
        });

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static bool? Flag(string text) => text switch { "yes" => true, "no" => false, _ => null };

    private static AccreditedEntityKind? KindOf(string text) => text switch
    {
        "direct_national" => AccreditedEntityKind.NationalDirectAccess,
        "direct_regional" => AccreditedEntityKind.RegionalDirectAccess,
        "international" => AccreditedEntityKind.InternationalAccess,
        _ => null,
    };

    private static SizeCategory? SizeOf(string text) => text switch
    {
        "micro" => SizeCategory.Micro,
        "small" => SizeCategory.Small,
        "medium" => SizeCategory.Medium,
        "large" => SizeCategory.Large,
        _ => null,
    };

    /// A GCF applicant code ("APL027") or a slug of the acronym ("afd", "doe-atg").
    [GeneratedRegex("^(APL[0-9]{3,5}|[a-z0-9][a-z0-9-]{0,39})$", RegexOptions.None, 1000)]
    private static partial Regex IdPattern();
}
