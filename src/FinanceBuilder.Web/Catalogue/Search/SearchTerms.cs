using System.Globalization;
using System.Reflection;
using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FinanceBuilder.Web.Catalogue.Search;

/// The words of the catalogue's search, as PostgreSQL's text search makes them with the
/// configurations fb_english and fb_french (docs/catalogue.md): lowercase, accents folded
/// (unaccent), stop words dropped (PostgreSQL's own lists, Data/*.stop), the rest reduced to its
/// Snowball stem (Lucene.NET's stemmers are the same algorithms; a test compares them word by word
/// with the database's on the sample proposals). PostgreSQL indexes the text itself; SQLite's FTS5
/// index holds these terms. Both databases thus find the same actions for the same words.
///
/// What the tokenizer follows of PostgreSQL's parser: words of letters (stemmed), words mixing
/// letters and digits ("co2", kept whole), numbers ("2030", "234.5"), hyphenated words (the
/// whole word and each part). Web addresses, e-mails and file paths, which the parser reads as
/// one token, are cut into words here; titles and summaries rarely hold them.
public static class SearchTerms
{
    /// A query keeps its first ten words: enough for any search, bounded work for the database.
    public const int MaxQueryWords = 10;

    private static readonly HashSet<string> EnglishStop = StopWords("english.stop");
    private static readonly HashSet<string> FrenchStop = StopWords("french.stop");

    /// The terms of a text written in <paramref name="language"/> ("en" or "fr"), space-separated,
    /// for SQLite's index.
    public static string OfDocument(string text, string language)
    {
        var terms = new List<string>();
        foreach (var token in Tokens(text))
        {
            if (token.Parts is { } parts)
            {
                Add(terms, Lexeme(token.Text, language));
                foreach (var part in parts)
                    Add(terms, Lexeme(part, language));
            }
            else
                Add(terms, Lexeme(token.Text, language));
        }
        return string.Join(' ', terms);
    }

    /// A query as words, each with the forms it may take in an English and a French text (its
    /// stem in each language). A stop word of either language is no word: "de" means nothing to a
    /// French text, which drops it, so asking for it would hide every French action. A hyphenated
    /// word counts as its parts.
    public static IReadOnlyList<QueryWord> OfQuery(string? query)
    {
        var words = new List<QueryWord>();
        foreach (var token in Tokens(query ?? ""))
        {
            foreach (var word in token.Parts ?? [token.Text])
            {
                if (words.Count == MaxQueryWords)
                    return words;
                if (Lexeme(word, "en") is { } english && Lexeme(word, "fr") is { } french)
                    words.Add(new QueryWord(word, english == french ? [english] : [english, french]));
            }
        }
        return words;
    }

    private static void Add(List<string> terms, string? lexeme)
    {
        if (lexeme is not null)
            terms.Add(lexeme);
    }

    /// One token as the database's configuration for <paramref name="language"/> indexes it, or
    /// null for a stop word.
    private static string? Lexeme(string token, string language)
    {
        var lower = token.ToLowerInvariant();
        if (lower.Any(char.IsDigit))
            return lower; // numbers and letter-digit words: PostgreSQL's 'simple' dictionary
        var folded = Unaccent(lower);
        var french = language == "fr";
        if ((french ? FrenchStop : EnglishStop).Contains(folded))
            return null;
        SnowballProgram stemmer = french ? new FrenchStemmer() : new EnglishStemmer();
        stemmer.SetCurrent(folded);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// Accents off, as PostgreSQL's unaccent does for Latin letters: "énergie" → "energie",
    /// "cœur" → "coeur".
    public static string Unaccent(string text)
    {
        if (text.All(char.IsAscii))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                case 'ø': builder.Append('o'); break;
                case 'đ': builder.Append('d'); break;
                case 'ł': builder.Append('l'); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// Runs of letters and digits; a decimal number keeps its point ("234.5"); words joined by
    /// single hyphens make one hyphenated token with its parts.
    internal static IEnumerable<Token> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var parts = new List<string>();
            var start = i;
            while (true)
            {
                var partStart = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || (text[i] == '.' && i > partStart && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])
                        && text[partStart..i].All(char.IsDigit))))
                    i++;
                parts.Add(text[partStart..i]);
                if (i + 1 < text.Length && text[i] == '-' && char.IsLetterOrDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }
                break;
            }
            yield return parts.Count == 1 ? new Token(parts[0], null) : new Token(text[start..i], parts);
        }
    }

    private static HashSet<string> StopWords(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FinanceBuilder.Web." + name)
            ?? throw new InvalidOperationException($"The stop-word list {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
                words.Add(word);
        }
        return words;
    }

    internal sealed record Token(string Text, IReadOnlyList<string>? Parts);
}

/// A word of a query and the forms an action's text may hold it in.
public sealed record QueryWord(string Text, IReadOnlyList<string> Forms);
