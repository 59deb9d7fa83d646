using System.Text;

namespace FinanceBuilder.Templates.Content;

/// <summary>
/// Writes user text into a template's Markdown so that it is read back exactly as typed: every
/// character Markdown could take as syntax is escaped, so a title such as "# Phase 2 * [draft]"
/// or "{{ 7*7 }}" stays literal text and never becomes a heading, a link or an image.
/// </summary>
public static class MarkdownText
{
    /// <summary>One line of text: line breaks become spaces.</summary>
    public static string Inline(string? text) => Escape(text, keepLines: false);

    /// <summary>Text whose line breaks are kept as line breaks inside one paragraph.</summary>
    public static string Lines(string? text) => Escape(text, keepLines: true);

    private static string Escape(string? text, bool keepLines)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var result = new StringBuilder(text.Length + 16);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var first = true;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (!first)
                result.Append(keepLines ? "\\\n" : " ");
            first = false;
            foreach (var c in line)
            {
                // CommonMark lets a backslash escape any ASCII punctuation, and only that.
                if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127 || !char.IsPunctuation(c) && !char.IsSymbol(c))
                    result.Append(c == '\t' ? ' ' : c);
                else
                    result.Append('\\').Append(c);
            }
        }
        return result.ToString();
    }
}
