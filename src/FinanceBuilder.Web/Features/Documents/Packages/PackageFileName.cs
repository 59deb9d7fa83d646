using System.Globalization;
using System.Text;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// File names from the pack's pattern ("CN-{entity}-{date}"): {entity} is the accredited entity
/// or the country, {date} the generation date. Only ASCII letters, digits and hyphens remain, so
/// the name is safe in a download header, a zip and every file system.
public static class PackageFileName
{
    public const int MaxEntityLength = 40;
    public const int MaxLength = 100;

    public static string Stem(string pattern, string? entity, DateOnly date)
    {
        var cleanEntity = Clean(entity, MaxEntityLength);
        var name = pattern
            .Replace("{entity}", cleanEntity.Length > 0 ? cleanEntity : "proposal", StringComparison.Ordinal)
            .Replace("{date}", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var stem = Clean(name, MaxLength);
        return stem.Length > 0 ? stem : "package";
    }

    /// Letters lose their accents ("Bénin" → "Benin"); any other run of characters becomes one hyphen.
    private static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var result = new StringBuilder();
        var cut = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (result.Length >= maxLength)
            {
                cut = true;
                break;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                result.Append(c);
            else if (result.Length > 0 && result[^1] != '-')
                result.Append('-');
        }
        var cleaned = result.ToString();
        // A name cut short ends at a word: "Banco-de-Desarrollo-de-America", not "…-America-Latin".
        if (cut && cleaned.LastIndexOf('-') is > 0 and var lastWord)
            cleaned = cleaned[..lastWord];
        return cleaned.Trim('-');
    }
}
