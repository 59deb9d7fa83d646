using System.Globalization;
using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Proposals.Text;

/// Numbers as people write them in their language: "1 250 000,50" in French, "1,250,000.50" in
/// English. Parsing is strict about grouping so that "1,5" is never read as fifteen.
public static partial class NumberText
{
    public static string Format(decimal value, CultureInfo culture, bool grouped = true) =>
        value.ToString(grouped ? "#,##0.##########" : "0.##########", culture);

    /// "USD 1,200,000" in English (the code first, as the GCF templates write money), "1 200 000 USD"
    /// in French (the code after the amount, joined by a no-break space): an amount rounded to whole
    /// units, or to <paramref name="decimals"/> for a cost per tonne ("USD 158.61", "158,61 USD").
    /// Cents, when there are any, are written as two digits: "USD 12.50", not "USD 12.5".
    public static string Money(decimal amount, string currency, CultureInfo culture, int decimals = 0)
    {
        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        if (decimals == 0 || rounded == Math.Round(rounded))
            return MoneyText(rounded, currency, culture);
        var digits = new string('0', decimals);
        var text = rounded.ToString("#,##0." + digits, culture);
        return culture.TwoLetterISOLanguageName == "fr" ? $"{text}\u00A0{currency}" : $"{currency} {text}";
    }

    /// An amount as it was entered, unrounded, with its currency where the language puts it.
    public static string MoneyText(decimal amount, string currency, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? $"{Format(amount, culture)}\u00A0{currency}" : $"{currency} {Format(amount, culture)}";

    public static bool TryParse(string text, CultureInfo culture, out decimal value)
    {
        value = 0;
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());
        if (compact.Length == 0 || compact.Length > 40)
            return false;
        var format = culture.NumberFormat;
        var group = format.NumberGroupSeparator.Trim('\u202F', '\u00A0', ' ');
        var decimalSeparator = format.NumberDecimalSeparator;
        // Grouping, where the culture groups with a visible character, must be in threes.
        if (group.Length > 0 && compact.Contains(group, StringComparison.Ordinal))
        {
            var pattern = $@"^[-+]?\d{{1,3}}({Regex.Escape(group)}\d{{3}})*({Regex.Escape(decimalSeparator)}\d+)?$";
            if (!Regex.IsMatch(compact, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50)))
                return false;
            compact = compact.Replace(group, "", StringComparison.Ordinal);
        }
        if (!SimpleNumber().IsMatch(compact.Replace(decimalSeparator, ".", StringComparison.Ordinal)))
            return false;
        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, culture, out value);
    }

    /// What is wrong with a number that was refused, as the key of a message that says so ({0}
    /// is an example, {1} the detail): a letter ("12 k"), decimals in a whole number ("12,5"), the
    /// other language's decimal mark ("1.5" in French). Null when only the general message fits.
    public static (string Key, string Detail)? Problem(string text, CultureInfo culture, bool whole)
    {
        var letter = text.FirstOrDefault(char.IsLetter);
        if (letter != default)
            return ("Check.Number.Letter", letter.ToString());
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());
        if (whole && (TryParse(compact, culture, out var value) ? value != decimal.Truncate(value) : WithDecimals().IsMatch(compact)))
            return ("Check.WholeNumber.Decimals", "");
        var mark = culture.NumberFormat.NumberDecimalSeparator == "," ? "." : ",";
        if (!whole && compact.Contains(mark, StringComparison.Ordinal) && WithDecimals().IsMatch(compact))
            return ("Check.Number.DecimalMark", culture.NumberFormat.NumberDecimalSeparator);
        return null;
    }

    /// Digits, one '.' or ',' and one to two digits, or more than three: a decimal, not grouping.
    [GeneratedRegex(@"^[-+]?\d+[.,](\d{1,2}|\d{4,})$")]
    private static partial Regex WithDecimals();

    [GeneratedRegex(@"^[-+]?\d+(\.\d+)?$")]
    private static partial Regex SimpleNumber();
}
