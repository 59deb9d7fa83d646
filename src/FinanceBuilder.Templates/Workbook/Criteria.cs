using System.Globalization;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// Whether SUMIFS would match a text exactly. SUMIFS reads its criterion: * ? ~ are wildcards,
/// a leading = &lt; &gt; is a comparison, and text that reads as a number, date or truth value is
/// compared as one ("1" matches "01"); criteria longer than 255 characters fail. A column whose
/// keys are all plain can be summed with the readable SUMIFS; any other is summed with an exact
/// SUMPRODUCT comparison, so the formula and the value computed here always agree.
/// </summary>
internal static class Criteria
{
    private const int MaxLength = 255;

    public static bool ArePlain(IEnumerable<string> keys) => keys.All(IsPlain);

    public static bool IsPlain(string key)
    {
        if (key.Length is 0 or > MaxLength || !char.IsLetterOrDigit(key[0]))
            return false;
        if (key.AsSpan().IndexOfAny("*?~") >= 0)
            return false;
        // A whole number without a leading zero stands for itself: no other plain key reads as it.
        if (key.All(char.IsAsciiDigit))
            return key.Length <= 15 && (key.Length == 1 || key[0] != '0');
        if (!key.Any(char.IsLetter))
            return false;
        return !bool.TryParse(key, out _)
            && !double.TryParse(key, NumberStyles.Any, CultureInfo.InvariantCulture, out _)
            && !DateTime.TryParse(key, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
