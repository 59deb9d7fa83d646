using System.Collections.Frozen;
using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// A country as a sentence names it. French puts an article and a preposition that depend on the
/// country — "du Bénin", "de l'Équateur", "des Comores", "de Madagascar"; "au Bénin", "en Haïti",
/// "aux Comores", "à Cuba" — which no rule derives from the name, so every ISO country's forms are
/// data (french-countries.tsv), reviewed like a text. English needs none of it: "of Benin", "in Benin".
public static class CountryText
{
    public sealed record Forms(string Name, string The, string Of, string In);

    private static readonly FrozenDictionary<string, Forms> French = Load();

    /// The French forms of every ISO code (a test checks that none is missing).
    public static IReadOnlyDictionary<string, Forms> FrenchForms => French;

    /// The country's name alone, as a list or a table cell shows it, or null when only ICU knows it.
    public static string? Name(string code, CultureInfo culture) => Find(code, culture)?.Name;

    /// "le Bénin", "les Comores", "Madagascar" — the country as the subject of a sentence.
    public static string The(string code, CultureInfo culture, Func<string, string> name) => Find(code, culture)?.The ?? name(code);

    /// "du Bénin", "de l'Équateur": the country after "de"; in English the name alone ("of" is in the sentence).
    public static string Of(string code, CultureInfo culture, Func<string, string> name) => Find(code, culture)?.Of ?? name(code);

    /// "au Bénin", "en Équateur", "aux Comores", "à Madagascar"; in English the name alone ("in" is in the sentence).
    public static string In(string code, CultureInfo culture, Func<string, string> name) => Find(code, culture)?.In ?? name(code);

    private static Forms? Find(string code, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" && French.TryGetValue(code, out var forms) ? forms : null;

    private static FrozenDictionary<string, Forms> Load()
    {
        using var stream = typeof(CountryText).Assembly.GetManifestResourceStream("FinanceBuilder.Web.french-countries.tsv")
            ?? throw new InvalidOperationException("french-countries.tsv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var forms = new Dictionary<string, Forms>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal))
                continue;
            var cells = line.Split('\t');
            if (cells.Length != 5)
                throw new InvalidDataException($"french-countries.tsv: '{line}' has {cells.Length} columns, not 5.");
            forms.Add(cells[0], new Forms(cells[1], cells[2], cells[3], cells[4]));
        }
        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
