using System.Text.RegularExpressions;

namespace FinanceBuilder.Templates.Text;

/// <summary>
/// The spaces a line must not break at, because they sit inside one figure: an amount and its
/// currency ("USD 10,000,000", "1 200 000 FCFA"), a number and its scale or unit ("4.00 million",
/// "1,2 millions", "40 %", "3 000 kWc", "12 500 tCO2e"), digit groups written with spaces
/// ("10 000 000") and a date ("16 mars 2026", "5 December 2026", "December 5, 2026"). A GCF
/// reviewer reads "USD 4.00 / million" across two lines as a careless document.
/// The text itself never changes: the PDF layout keeps these spaces inside a word, and the DOCX
/// writes them as no-break spaces (Word has no other way to keep words together).
/// </summary>
public static partial class Figures
{
    /// <summary>The indexes of the spaces (U+0020) inside a figure, in order.</summary>
    public static List<int> GluedSpaces(string text)
    {
        var glued = new List<int>();
        if (text.Length < 3 || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            return glued;
        foreach (var match in Glue().EnumerateMatches(text))
            glued.Add(match.Index);
        return glued;
    }

    /// <summary>The text with the spaces inside figures made no-break (U+00A0).</summary>
    public static string WithNoBreakSpaces(string text)
    {
        char[]? chars = null;
        foreach (var index in GluedSpaces(text))
        {
            chars ??= text.ToCharArray();
            chars[index] = '\u00A0';
        }
        return chars is null ? text : new string(chars);
    }

    private const string Number = @"\d(?:[\d.,\u00A0\u202F]*\d)?";

    private const string Currency = @"(?:[A-Z]{3}|FCFA|US\$|\$|€|£)";

    private const string Scale = @"(?:millions?|billions?|milliards?|mille|thousand|Mio|bn|M|k)";

    private const string Unit = @"(?:%|‰|tCO2e(?:q)?|tCO₂e(?:q)?|t|kWc|kWp|kWh|MWh|GWh|MW|kW|ha|km|m²|m³|m|ans?|years?|mois|months?|jours?|days?)";

    private const string Month = @"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        + @"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
        + @"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)";

    /// <summary>
    /// One alternative per kind of figure; each matches the single space that joins two parts.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?<![\p{L}\d])" + Currency + @") (?=" + Number + ")"                       // USD 10,000
        + @"|(?<=(?<![\p{L}\d])" + Number + @") (?=" + Currency + @"(?![\p{L}\d]))"        // 10 000 USD
        + @"|(?<=(?<![\p{L}\d])" + Number + @") (?=" + Scale + @"(?![\p{L}\d]))"           // 4.00 million
        + @"|(?<=(?<![\p{L}\d])" + Number + @") (?=" + Unit + @"(?![\p{L}\d]))"            // 40 %, 3 000 kWc
        + @"|(?<=(?<![\p{L}\d.,])\d{1,3}) (?=\d{3}(?![\p{L}\d]))"                           // 10 000 000
        + @"|(?<=(?<![\p{L}\d])\d{1,2}) (?=" + Month + @"(?![\p{L}]))"                     // 16 mars
        + @"|(?<=(?<![\p{L}])" + Month + @") (?=\d{1,4}(?![\p{L}\d]))"                     // mars 2026, December 5
        + @"|(?<=(?<![\p{L}])" + Month + @" \d{1,2},) (?=\d{4}(?![\p{L}\d]))",              // December 5, 2026
        RegexOptions.CultureInvariant)]
    private static partial Regex Glue();
}
