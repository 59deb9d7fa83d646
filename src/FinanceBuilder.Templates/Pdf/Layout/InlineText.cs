using System.Text;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Splits text runs into measured words: spaces separate words, "\n" breaks the line.</summary>
internal static class InlineText
{
    /// <summary>The words of <paramref name="runs"/> at <paramref name="size"/>; <paramref name="bold"/> makes every run bold (headings, table headers).</summary>
    public static List<Word> Words(IReadOnlyList<TextRun> runs, TextShaper shaper, double size, bool bold = false)
    {
        // Sized for words of about six characters: growing the list was a tenth of the bytes a PDF allocates.
        var length = 0;
        for (var r = 0; r < runs.Count; r++)
            length += runs[r].Text.Length;
        var words = new List<Word>(Math.Min(length / 6 + 1, 4096));
        // A word can span runs ("**bold**text"); its parts collect here until a space ends it.
        List<Piece>? parts = null;
        Piece[]? single = null;
        var lastStyle = 0;
        var segment = new StringBuilder();
        foreach (var run in runs)
        {
            var style = TextShaper.Style(bold || run.Bold, run.Italic);
            var text = Clean(run.Text);
            // A space inside a figure ("USD 10,000,000", "16 mars 2026") stays inside the word.
            var glued = Figures.GluedSpaces(text);
            var nextGlued = 0;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length;
                var c = end ? '\0' : text[i];
                if (!end && c != ' ' && c != '\n')
                    continue;
                if (c == ' ' && nextGlued < glued.Count && glued[nextGlued] == i)
                {
                    nextGlued++;
                    continue;
                }
                if (i > start)
                    AddPart(shaper.Shape(text[start..i], style, size), style);
                start = i + 1;
                if (end)
                    break;
                if (c == ' ')
                    EndWord(space: true, hardBreak: false);
                else
                    EndWord(space: true, hardBreak: true);
            }
        }
        // The last word keeps a space too: text extraction then separates it from the next
        // cell or paragraph. Line widths never count a line's final space.
        EndWord(space: true, hardBreak: false);
        return words;

        void AddPart(Piece[] pieces, int style)
        {
            lastStyle = style;
            if (single is null && parts is null)
            {
                single = pieces;
                return;
            }
            parts ??= [.. single!];
            single = null;
            parts.AddRange(pieces);
        }

        void EndWord(bool space, bool hardBreak)
        {
            var pieces = single ?? (parts is null ? null : [.. parts]);
            single = null;
            parts = null;
            if (pieces is null || pieces.Length == 0)
            {
                // Spaces in a row collapse; a break after nothing still makes an empty line.
                if (hardBreak)
                {
                    if (words.Count > 0 && !words[^1].Break)
                        words[^1] = words[^1] with { Break = true };
                    else
                        words.Add(new Word([], 0, 0, false, true));
                }
                return;
            }
            words.Add(new Word(pieces, TextShaper.Width(pieces), shaper.SpaceWidth(lastStyle, size), space, hardBreak, pieces.Any(p => TextShaper.IsRightToLeft(p.Text))));
        }
    }

    /// <summary>The plain text of runs on one line (bookmarks, the table of contents).</summary>
    public static string Plain(IReadOnlyList<TextRun> runs)
    {
        var text = string.Concat(runs.Select(r => Clean(r.Text)));
        return string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Text for one line of the contents or a bookmark: at most 200 characters.</summary>
    public static string Short(string text) =>
        text.Length <= 200 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[199]) ? 199 : 200), "\u2026");

    /// <summary>Removes what a PDF cannot hold; tabs become spaces and every line ending "\n".</summary>
    public static string Clean(string text)
    {
        text = DocumentText.Sanitize(text);
        if (text.AsSpan().IndexOfAny('\t', '\r') < 0)
            return text;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
    }
}
