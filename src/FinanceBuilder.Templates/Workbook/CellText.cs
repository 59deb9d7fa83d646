using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>What a cell can hold of a text, and whether it must be marked as plain text.</summary>
internal static partial class CellText
{
    /// <summary>Excel refuses longer cell text (specifications and limits).</summary>
    public const int MaxLength = 32_767;

    /// <summary>
    /// The text without the characters XML cannot carry, cut to what a cell holds (never between
    /// the two halves of a surrogate pair).
    /// </summary>
    public static string Clean(string? text)
    {
        var clean = DocumentText.Sanitize(text ?? "");
        // XML readers turn CR into LF anyway, and spreadsheets break lines on LF alone.
        if (clean.Contains('\r', StringComparison.Ordinal))
            clean = clean.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (clean.Length <= MaxLength)
            return clean;
        var length = char.IsHighSurrogate(clean[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return clean[..length];
    }

    /// <summary>
    /// The text as a shared string holds it: spreadsheets read "_x0041_" as an escaped character
    /// ("A"), so an underscore that starts such a sequence is itself escaped ("_x005F_").
    /// </summary>
    public static string Escape(string text) =>
        text.Contains("_x", StringComparison.OrdinalIgnoreCase) ? EscapedCharacter().Replace(text, "_x005F_$1") : text;

    [GeneratedRegex("_([xX][0-9A-Fa-f]{4}_)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EscapedCharacter();

    /// <summary>
    /// Whether a spreadsheet would read the text as a formula when it is typed or re-imported
    /// (CSV injection). Such cells get quotePrefix, Excel's own mark for text that only looks
    /// like a formula, which survives an edit of the cell and a save as CSV from Excel.
    /// </summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
