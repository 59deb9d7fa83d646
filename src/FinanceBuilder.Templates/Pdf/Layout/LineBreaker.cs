
namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>
/// Greedy line breaking: as many words on a line as fit. A word wider than the line (a long URL,
/// an identifier in a narrow table cell) is cut between characters so it never overflows.
/// </summary>
internal static class LineBreaker
{
    /// <summary>Breaks <paramref name="words"/> into lines of <paramref name="width"/>; long words are split in place.</summary>
    public static List<Line> Break(List<Word> words, double width, TextShaper shaper)
    {
        SplitLongWords(words, width, shaper);
        var lines = new List<Line>();
        var start = 0;
        var x = 0.0;
        var natural = 0.0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i > start && x + word.Width > width + 0.001)
            {
                lines.Add(new Line(start, i, natural));
                start = i;
                x = 0;
            }
            natural = x + word.Width;
            x = natural + (word.Space ? word.SpaceWidth : 0);
            if (word.Break)
            {
                lines.Add(new Line(start, i + 1, natural));
                start = i + 1;
                x = 0;
                natural = 0;
            }
        }
        if (start < words.Count)
            lines.Add(new Line(start, words.Count, natural));
        return lines;
    }

    /// <summary>The width of the widest word (a table column's minimum).</summary>
    public static double LongestWord(List<Word> words)
    {
        var longest = 0.0;
        foreach (var word in words)
            longest = Math.Max(longest, word.Width);
        return longest;
    }

    /// <summary>The width of the longest hard line unbroken (a table column's maximum).</summary>
    public static double NaturalWidth(List<Word> words)
    {
        var widest = 0.0;
        var x = 0.0;
        foreach (var word in words)
        {
            widest = Math.Max(widest, x + word.Width);
            x += word.Width + (word.Space ? word.SpaceWidth : 0);
            if (word.Break)
                x = 0;
        }
        return widest;
    }

    private static void SplitLongWords(List<Word> words, double width, TextShaper shaper)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Width <= width)
                continue;
            var chunks = Split(words[i], Math.Max(width, 1), shaper);
            words.RemoveAt(i);
            words.InsertRange(i, chunks);
            i += chunks.Count - 1;
        }
    }

    /// <summary>Cuts a word into chunks that fit, between characters (never inside a surrogate pair).</summary>
    private static List<Word> Split(Word word, double width, TextShaper shaper)
    {
        var chunks = new List<Word>();
        var pieces = new List<Piece>();
        var chunkWidth = 0.0;
        foreach (var piece in word.Pieces)
        {
            var start = 0;
            var pieceWidth = 0.0;
            var index = 0;
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                var runeWidth = shaper.Measure(rune.ToString(), piece.Font);
                if (chunkWidth + pieceWidth + runeWidth > width && (pieces.Count > 0 || index > start))
                {
                    if (index > start)
                        pieces.Add(Make(piece.Text[start..index], piece));
                    EndChunk(space: false, hardBreak: false);
                    start = index;
                    pieceWidth = 0;
                }
                pieceWidth += runeWidth;
                index += rune.Utf16SequenceLength;
            }
            if (index > start)
            {
                var made = Make(piece.Text[start..index], piece);
                pieces.Add(made);
                chunkWidth += made.Width;
            }
        }
        EndChunk(word.Space, word.Break);
        return chunks;

        Piece Make(string part, Piece from) => new(part, part + " ", from.Font, shaper.Measure(part, from.Font));

        void EndChunk(bool space, bool hardBreak)
        {
            if (pieces.Count == 0)
                return;
            Piece[] done = [.. pieces];
            chunks.Add(new Word(done, TextShaper.Width(done), word.SpaceWidth, space, hardBreak));
            pieces.Clear();
            chunkWidth = 0;
        }
    }
}
