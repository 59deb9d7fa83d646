using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Narrative;

/// What a figure written in a narrative counts.
/// A Duration's value is in months ("6 years" is 72, to within half a year).
public enum FigureKind { Money, Tonnes, People, Percent, Places, Duration }

/// A figure as a narrative writes it: its value (scale words applied), the precision it is written
/// to, its currency for an amount, where it stands, and its sentence.
/// <param name="Written">The figure as written ("USD 38.4 million").</param>
/// <param name="HalfUnit">How far the exact value may lie from the written one ("38.4 million": 50,000).</param>
/// <param name="Before">The sentence's text before the figure (where "GCF grant of" is read).</param>
/// <param name="After">The sentence's text after it ("a year", "directly").</param>
public sealed record TextFigure(FigureKind Kind, decimal Value, decimal HalfUnit, string? Currency, string Written, string Sentence, string Before, string After);

/// Finds amounts (with currency and scale words), tonnes of CO2 equivalent, beneficiary counts and
/// percentages in a narrative, reading numbers as the proposal's language writes them: 1,234.5 in
/// English, 1 234,5 in French, 1.234,5 in Spanish (a grouping of exactly three digits; a lone
/// comma or point followed by three digits is read as grouping, as a reader would).
public static partial class FigureFinder
{
    private static readonly ConditionalWeakTable<string, Dictionary<Language, IReadOnlyList<TextFigure>>> Remembered = new();

    /// The figures of <paramref name="text"/>, remembered per text: autosave checks the same
    /// untouched narratives again and again.
    public static IReadOnlyList<TextFigure> Find(string? text, Language language)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var byLanguage = Remembered.GetValue(text, _ => []);
        lock (byLanguage)
        {
            if (!byLanguage.TryGetValue(language, out var figures))
                byLanguage[language] = figures = Scan(text, language).ToList();
            return figures;
        }
    }

    private static IEnumerable<TextFigure> Scan(string text, Language language)
    {
        foreach (var (index, length, read, readUnit) in Numbers(text, language))
        {
            var (value, unit) = (read, readUnit);
            var start = index;
            var end = index + length;
            var after = text[end..Math.Min(text.Length, end + 60)];
            var scale = Scale().Match(after);
            if (scale.Success)
            {
                var factor = Factor(scale.Groups["word"].Value);
                value *= factor;
                unit *= factor;
                end += scale.Length;
                after = text[end..Math.Min(text.Length, end + 60)];
            }
            var (sentence, sentenceStart) = SentenceAround(text, start);
            var before = text[sentenceStart..start];
            string? currency = null;
            if (CurrencyBefore().Match(before) is { Success: true } prefix && IsCurrency(prefix.Groups["code"].Value))
            {
                currency = Currency(prefix.Groups["code"].Value);
                start -= prefix.Length;
            }
            else if (CurrencyAfter().Match(after) is { Success: true } suffix && IsCurrency(suffix.Groups["code"].Value))
            {
                currency = Currency(suffix.Groups["code"].Value);
                end += suffix.Length;
                after = text[end..Math.Min(text.Length, end + 60)];
            }
            // A percentage's sign belongs to the figure; what follows it starts after the sign.
            var percent = currency is null ? Percent().Match(after) : Match.Empty;
            if (percent.Success)
            {
                end += percent.Length;
                after = text[end..Math.Min(text.Length, end + 60)];
            }
            var written = text[start..end].Trim();
            before = text[sentenceStart..start];
            var rest = SentenceAfter(text, end);
            if (currency is not null)
                yield return new TextFigure(FigureKind.Money, value, unit / 2, currency, written, sentence, before, rest);
            else if (percent.Success)
                yield return new TextFigure(FigureKind.Percent, value, unit / 2, null, written, sentence, before, rest);
            else if (Tonnes().Match(after) is { Success: true })
                yield return new TextFigure(FigureKind.Tonnes, value, unit / 2, null, written, sentence, before, rest);
            else if (Places().Match(after) is { Success: true } places)
                yield return new TextFigure(FigureKind.Places, value, 0.5m, null, (written + places.Value).Trim(), sentence, before, rest); // a count is exact
            else if (Duration().Match(after) is { Success: true } period && unit >= 1)
            {
                var years = period.Groups["years"].Success;
                yield return new TextFigure(FigureKind.Duration, years ? value * 12 : value, years ? 6 : 0.5m, null, (written + period.Value).Trim(), sentence, before, rest);
            }
            else if (People().Match(after) is { Success: true })
                yield return new TextFigure(FigureKind.People, value, unit / 2, null, written, sentence, before, rest);
        }
    }

    /// The numbers of <paramref name="text"/> in order, in digits or in words ("six", "vingt-cinq":
    /// exact, so their unit is one), each with the unit of its last digit.
    private static IEnumerable<(int Index, int Length, decimal Value, decimal Unit)> Numbers(string text, Language language)
    {
        var number = language switch { Language.Fr => FrenchNumber(), Language.Es => SpanishNumber(), _ => EnglishNumber() };
        var digits = number.Matches(text)
            .Select(m => TryRead(m.Value, language, out var value, out var unit) ? (m.Index, m.Length, value, unit) : (Index: -1, 0, 0m, 0m))
            .Where(n => n.Index >= 0);
        var words = NumberWords.Find(text, language).Select(w => (w.Index, w.Length, (decimal)w.Value, 1m));
        return digits.Concat(words).OrderBy(n => n.Index);
    }

    /// Reads a number token in the language's style; the unit of its last digit comes with it.
    private static bool TryRead(string token, Language language, out decimal value, out decimal unit)
    {
        var (group, point) = language switch { Language.Fr => (" ", ","), Language.Es => (".", ","), _ => (",", ".") };
        var plain = token.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (language == Language.Es)
            plain = plain.Replace(' ', '.'); // Spanish also groups with spaces
        plain = plain.Replace(group, "", StringComparison.Ordinal).Replace(point, ".", StringComparison.Ordinal);
        var ok = decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        var decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        unit = decimals > 0 ? 1m / (decimal)Math.Pow(10, decimals) : Precision.Unit(value);
        return ok;
    }

    private static decimal Factor(string word) => word.ToLowerInvariant() switch
    {
        "k" or "thousand" or "mille" or "mil" or "milliers" => 1_000m,
        "billion" or "billions" or "bn" or "milliard" or "milliards" or "md" or "mil millones" => 1_000_000_000m,
        _ => 1_000_000m,
    };

    /// A three-letter word is a currency only if it is one ("GCF 38.4 million" is not).
    private static bool IsCurrency(string written) =>
        written.Length != 3 || !written.All(char.IsAsciiLetterUpper) || Proposals.Reference.CurrencyList.Find(written) is not null;

    private static string Currency(string written) => written.Trim() switch
    {
        "$" or "US$" or "US $" or "dollars" or "US dollars" or "dólares" or "dollars US" => "USD",
        "€" or "euros" => "EUR",
        "FCFA" or "F CFA" or "francs CFA" => "XOF",
        var code => code.ToUpperInvariant(),
    };

    /// The sentence holding position <paramref name="at"/>, and where it starts. Sentences end at
    /// ". ", "! ", "? " or a line break; a point between digits is part of a number.
    private static (string Sentence, int Start) SentenceAround(string text, int at)
    {
        var start = at;
        while (start > 0 && !Ends(text, start - 1))
            start--;
        var end = at;
        while (end < text.Length && !Ends(text, end))
            end++;
        if (end < text.Length)
            end++;
        return (text[start..end].Trim(), start);
    }

    private static string SentenceAfter(string text, int from)
    {
        var end = from;
        while (end < text.Length && !Ends(text, end))
            end++;
        return text[from..end];
    }

    private static bool Ends(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));

    // Numbers: a run of digits grouped by threes in the language's style, or plain, with decimals.
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:,\d+)?(?![\d])")]
    private static partial Regex FrenchNumber();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:[.\u00A0\u202F ]\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:,\d+)?(?![\d])")]
    private static partial Regex SpanishNumber();

    [GeneratedRegex(@"^[ \u00A0\u202F]?(?<word>millions?|milliards?|billions?|thousand|milliers|mil millones|millones|mille|mil|Mio|mn|bn|Md|M|k)(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex Scale();

    [GeneratedRegex(@"(?<code>US\s?\$|\$|€|USD|EUR|XOF|XAF|FCFA|F CFA|[A-Z]{3})[ \u00A0\u202F]?$")]
    private static partial Regex CurrencyBefore();

    [GeneratedRegex(@"^(?:[ \u00A0\u202F]?(?:de |d’|d')?)(?<code>US dollars|dollars US|dollars|dólares|euros|francs CFA|FCFA|F CFA|USD|EUR|XOF|XAF|€|[A-Z]{3})(?![\p{L}])")]
    private static partial Regex CurrencyAfter();

    [GeneratedRegex(@"^[ \u00A0\u202F]?(?:t[ \u00A0]?CO2|t[ \u00A0]?CO₂|tonnes?[ \u00A0](?:of[ \u00A0])?CO2|tonnes?[ \u00A0](?:d[’'e][ \u00A0]?)?(?:éq(?:uivalent)?\.?[ \u00A0])?CO2|toneladas[ \u00A0](?:de[ \u00A0])?CO2)", RegexOptions.IgnoreCase)]
    private static partial Regex Tonnes();

    // "25 communes", "25 target communes", "25 participating municipalities".
    [GeneratedRegex(@"^[ \u00A0\u202F]?(?:(?:target(?:ed)?|partner|participating)[ \u00A0])?(?:communes?|municipalit(?:y|ies)|municipalités?|municipios?|municipalidades?|districts?|distritos?|local governments|collectivités|localities|localités|counties|cities|villes|ciudades|gewogs?|dzongkhags?|provinces?|provincias?)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Places();

    // "72 months", "6-year", "six ans", "60 meses": the unit right after the number.
    [GeneratedRegex(@"^[ \u00A0\u202F-]?(?:(?<years>years?|ans|années|años)|months?|mois|meses)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^[ \u00A0\u202F]?(?:%|per ?cent|pour ?cent|por ciento)")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^[ \u00A0\u202F]?(?:(?:direct|indirect|directs|indirects|directos|indirectos)[ \u00A0])?(?:beneficiar|bénéficiaire|people|persons|personnes|personas|residents|inhabitants|habitants|habitantes)", RegexOptions.IgnoreCase)]
    private static partial Regex People();
}
