namespace FinanceBuilder.Web.Features.Participation;

/// How easily residents can read a summary, measured the same way in English and French: its
/// length in words, its average sentence length, and the LIX index (words per sentence plus the
/// share of words longer than six letters, in percent) — a formula that needs no syllable
/// counting, so it means the same in both languages. Under 40 reads easily, over 50 is hard.
public sealed record ReadingLevel(int Words, double WordsPerSentence, int Lix)
{
    /// A summary for residents fits on a screen or a leaflet.
    public const int MaxWords = 350;
    public const double MaxWordsPerSentence = 20;
    public const int MaxLix = 45;

    public static ReadingLevel Of(string text)
    {
        var words = text.Split((char[])[' ', '\n', '\t', '\r', '\u00a0', '\u202f'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
            return new(0, 0, 0);
        var sentences = Math.Max(1, text.Count(c => c is '.' or '!' or '?' or '…' or ';' or '\n')
            - CountDoubled(text));
        var perSentence = (double)words.Count / sentences;
        var longWords = words.Count(w => w.Length > 6);
        return new(words.Count, perSentence, (int)Math.Round(perSentence + 100.0 * longWords / words.Count));
    }

    // "..." and ".\n" end one sentence, not several.
    private static int CountDoubled(string text)
    {
        var doubled = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n' && text[i - 1] is '.' or '!' or '?' or '…' or ';' or '\n')
                doubled++;
        }
        return doubled;
    }

    public bool TooLong => Words > MaxWords;
    public bool SentencesTooLong => WordsPerSentence > MaxWordsPerSentence;
    public bool Hard => Lix > MaxLix;
}
