using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Narrative;

/// <summary>
/// Numbers written in words, from 1 to 99, as narratives write counts and periods: "a six-year
/// programme", "twenty-five communes", "cinq communes", "quatre-vingt-deux villages", "seis
/// municipios". Each language's spellings are generated once (with a hyphen or a space between
/// their parts) into one pattern, longest first so "twenty-five" is read whole.
/// </summary>
/// <remarks>
/// "un", "une", "uno", "una" and "un" are articles far more often than numbers in French and
/// Spanish ("une commune côtière", "un programa"), so one is read only in English.
/// </remarks>
public static class NumberWords
{
    public readonly record struct Found(int Index, int Length, int Value);

    private static readonly Dictionary<Language, (Regex Pattern, Dictionary<string, int> Values)> Spellings = new()
    {
        [Language.En] = Build(English()),
        [Language.Fr] = Build(French()),
        [Language.Es] = Build(Spanish()),
    };

    public static IEnumerable<Found> Find(string text, Language language)
    {
        var (pattern, values) = Spellings[language];
        foreach (Match match in pattern.Matches(text))
            yield return new Found(match.Index, match.Length, values[Normal(match.Value)]);
    }

    private static (Regex, Dictionary<string, int>) Build(IEnumerable<(string Words, int Value)> spellings)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (words, value) in spellings)
            values[Normal(words)] = value;
        // Parts joined by a hyphen or a space ("vingt-deux", "vingt deux"); never inside a word.
        var alternatives = values.Keys.OrderByDescending(k => k.Length)
            .Select(k => string.Join(@"[-\s]", k.Split(' ').Select(Regex.Escape)));
        var pattern = new Regex(@"(?<![\p{L}\d-])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\d])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return (pattern, values);
    }

    /// The spelling with its parts separated by one space, lower case: the dictionary's key.
    private static string Normal(string words) =>
        string.Join(' ', words.ToLowerInvariant().Split(['-', ' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string, int)> English()
    {
        string[] units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (var n = 1; n < 100; n++)
            yield return (n < 20 ? units[n] : n % 10 == 0 ? tens[n / 10] : $"{tens[n / 10]} {units[n % 10]}", n);
    }

    private static IEnumerable<(string, int)> French()
    {
        string[] units = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit", "dix neuf"];
        string[] tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
        string Below100(int n) => n switch
        {
            < 20 => units[n],
            < 70 when n % 10 == 0 => tens[n / 10],
            < 70 when n % 10 == 1 => $"{tens[n / 10]} et un",
            < 70 => $"{tens[n / 10]} {units[n % 10]}",
            71 => "soixante et onze",
            < 80 => $"soixante {units[n - 60]}",
            80 => "quatre vingts",
            _ => $"quatre vingt {units[n - 80]}",
        };
        for (var n = 2; n < 100; n++)
        {
            yield return (Below100(n), n);
            if (n == 80)
                yield return ("quatre vingt", n);
        }
    }

    private static IEnumerable<(string, int)> Spanish()
    {
        string[] units = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
            "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós",
            "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"];
        string[] tens = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];
        for (var n = 2; n < 100; n++)
            yield return (n < 30 ? units[n] : n % 10 == 0 ? tens[n / 10] : $"{tens[n / 10]} y {units[n % 10]}", n);
        yield return ("veintiún", 21);
    }
}
