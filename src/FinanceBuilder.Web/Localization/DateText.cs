using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// Dates and times as every page shows them: "29 Nov 2026 06:36 UTC", "29 nov. 2026 06:36 UTC".
/// Times are stored in UTC and said to be UTC: the people of one proposal work in different
/// countries, and the browser's zone is not known without script.
public static class DateText
{
    public static string Time(DateTime utc, CultureInfo culture) => utc.ToString("d MMM yyyy HH:mm", culture) + " UTC";

    public static string Day(DateTime utc, CultureInfo culture) => utc.ToString("d MMM yyyy", culture);

    /// A date in a sentence or a document: "16 March 2026", "16 mars 2026", and in French the first
    /// of the month "1er juillet 2027", as French writes it.
    public static string Written(DateOnly date, CultureInfo culture) =>
        date.Day == 1 && culture.TwoLetterISOLanguageName == "fr"
            ? date.ToString("'1er' MMMM yyyy", culture)
            : date.ToString("d MMMM yyyy", culture);

    private static readonly DateOnly Example = new(2026, 3, 16);

    /// A date in a date field, in the page's language whatever the browser's: "16/03/2026" in
    /// French; "2026-03-16" in English, which no English reader takes for 3 April.
    public static string Field(DateOnly date, CultureInfo culture) => IsFrench(culture)
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// The example a date field and its error show: "16/03/2026", "2026-03-16".
    public static string FieldExample(CultureInfo culture) => Field(Example, culture);

    /// A typed date, strictly: day/month/year in French ("16/03/2026", "16.03.2026", "16 mars 2026"),
    /// year-month-day or "16 March 2026" in English; the ISO form in both (a value saved before).
    /// Never a month/day guess: "03/16/2026" is refused in French, and English takes no slashes.
    public static bool TryParseField(string text, CultureInfo culture, out DateOnly date)
    {
        var trimmed = string.Join(' ', text.Split((char[])[' ', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries));
        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(trimmed, IsFrench(culture) ? FrenchFormats : EnglishFormats, culture, DateTimeStyles.None, out date);
    }

    private static readonly string[] FrenchFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d MMMM yyyy", "d MMM yyyy", "'1er' MMMM yyyy"];

    private static readonly string[] EnglishFormats = ["yyyy-M-d", "d MMMM yyyy", "d MMM yyyy"];

    private static bool IsFrench(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";
}
