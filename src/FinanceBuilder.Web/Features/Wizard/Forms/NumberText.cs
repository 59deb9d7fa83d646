using System.Globalization;
using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Numbers as people write them in their language: "1 250 000,50" in French, "1,250,000.50" in
/// English. Parsing is strict about grouping so that "1,5" is never read as fifteen.
public static partial class NumberText
{
    public static string Format(decimal value, CultureInfo culture, bool grouped = true) =>
        value.ToString(grouped ? "#,##0.##########" : "0.##########", culture);

    /// "USD 1,200,000": an amount rounded to whole units (or to <paramref name="decimals"/>, as a
    /// cost per tonne "USD 158.61"), with its currency code first (as the GCF templates write money).
    public static string Money(decimal amount, string currency, CultureInfo culture, int decimals = 0) =>
        $"{currency} {Format(Math.Round(amount, decimals, MidpointRounding.AwayFromZero), culture)}";

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

    [GeneratedRegex(@"^[-+]?\d+(\.\d+)?$")]
    private static partial Regex SimpleNumber();
}
