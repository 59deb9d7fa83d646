namespace FinanceBuilder.Templates.Workbook;

/// <summary>Sheet names Excel accepts: 1–31 characters, none of []:*?/\, no apostrophe at either end, unique.</summary>
internal static class SheetNames
{
    /// <summary>Excel's limit on the length of a sheet name.</summary>
    public const int MaxLength = 31;

    /// <summary>The name made valid, and different (ignoring case) from the names already taken.</summary>
    public static string Clean(string? name, ICollection<string> taken, string fallback)
    {
        var chars = CellText.Clean(name).Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c)).ToArray();
        var clean = new string(chars).Trim().Trim('\'').Trim();
        // "History" is reserved by Excel for its change tracking.
        if (clean.Length == 0 || clean.Equals("History", StringComparison.OrdinalIgnoreCase))
            clean = fallback;
        clean = Cut(clean, MaxLength);
        var unique = clean;
        for (var n = 2; taken.Any(t => t.Equals(unique, StringComparison.OrdinalIgnoreCase)); n++)
        {
            var suffix = $" ({n})";
            unique = Cut(clean, MaxLength - suffix.Length).TrimEnd('\'') + suffix;
        }
        taken.Add(unique);
        return unique;
    }

    /// <summary>The name as formulas refer to it: always quoted, which is valid for any name.</summary>
    public static string Reference(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut].TrimEnd().TrimEnd('\'');
    }
}
