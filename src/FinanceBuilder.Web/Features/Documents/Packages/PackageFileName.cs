using System.Globalization;
using System.Text;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// What a package's file names are made of: the project (its title, shortened at a word), the
/// accredited entity or the country, the submitted version ("V.002"), the document language and
/// the generation date. Two communes working with the same accredited entity never get the
/// same names: the project comes first.
public sealed record FileNameParts(string? Project, string? Entity, string? Version, string Language, DateOnly Date);

/// File names from the pack's pattern ("CN-{project}-{version}-{lang}-{date}"). Only ASCII
/// letters, digits and hyphens remain, so the name is safe in a download header, a zip and every
/// file system; a part that is empty (a draft has no version yet) leaves no trace.
public static class PackageFileName
{
    public const int MaxPartLength = 40;
    public const int MaxLength = 100;

    public static string Stem(string pattern, FileNameParts parts)
    {
        var project = Clean(parts.Project, MaxPartLength);
        var entity = Clean(parts.Entity, MaxPartLength);
        var name = pattern
            .Replace("{project}", project.Length > 0 ? project : entity.Length > 0 ? entity : "proposal", StringComparison.Ordinal)
            .Replace("{entity}", entity.Length > 0 ? entity : "proposal", StringComparison.Ordinal)
            .Replace("{version}", Clean(parts.Version?.Replace(".", "", StringComparison.Ordinal), 10), StringComparison.Ordinal)
            .Replace("{lang}", Clean(parts.Language, 5).ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{date}", parts.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var stem = Clean(name, MaxLength);
        return stem.Length > 0 ? stem : "package";
    }

    /// Letters lose their accents ("Bénin" → "Benin"); any other run of characters becomes one hyphen.
    public static string Clean(string? text, int maxLength)
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
        // A name cut short ends at a word: "Banco-de-Desarrollo-de-America", not "…-America-Latin",
        // and not at a little word that needs the next one: "…-preparer", not "…-preparer-la".
        if (cut && cleaned.LastIndexOf('-') is > 0 and var lastWord)
        {
            cleaned = cleaned[..lastWord];
            while (cleaned.LastIndexOf('-') is > 0 and var dash && LinkWords.Contains(cleaned[(dash + 1)..]))
                cleaned = cleaned[..dash];
        }
        return cleaned.Trim('-');
    }

    /// Articles, prepositions and conjunctions (English, French, Spanish) a cut name must not end with.
    private static readonly HashSet<string> LinkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "and", "for", "in", "on", "to", "with",
        "la", "le", "les", "l", "de", "du", "des", "d", "et", "au", "aux", "en", "pour", "par", "sur",
        "el", "los", "las", "del", "y", "para", "con", "por",
    };
}
