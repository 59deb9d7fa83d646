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

    /// <summary>
    /// A narrative as its author wrote it: paragraphs (blank lines), bullet lists (lines that
    /// start with "- ", "* " or "• "), **bold** and *italic*. Everything else — headings,
    /// tables, links, images, HTML, code — stays literal text. Placed on its own lines.
    /// </summary>
    public static string Narrative(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var blocks = new List<string>();
        var paragraph = new List<string>();
        var bullets = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
                blocks.Add(string.Join("\\\n", paragraph));
            if (bullets.Count > 0)
                blocks.Add(string.Join("\n", bullets));
            paragraph.Clear();
            bullets.Clear();
        }
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var bullet = line.Length > 2 && line[0] is '-' or '*' or '•' && line[1] == ' ';
            if (bullet)
            {
                if (paragraph.Count > 0)
                    Flush();
                bullets.Add("- " + Emphasis(line[2..].Trim()));
            }
            else
            {
                if (bullets.Count > 0)
                    Flush();
                paragraph.Add(Emphasis(line));
            }
        }
        Flush();
        return string.Join("\n\n", blocks);
    }

    /// <summary>Escapes all syntax but the emphasis markers * and _ (a line of only those is a rule: escaped too).</summary>
    private static string Emphasis(string line)
    {
        if (line.All(c => c is '*' or '_' or '-' or ' '))
            return Escape(line, keepLines: false);
        var result = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '*' or '_' || !NeedsEscape(c))
                result.Append(c == '\t' ? ' ' : c);
            else
                result.Append('\\').Append(c);
        }
        return result.ToString();
    }

    private static bool NeedsEscape(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

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
                if (!NeedsEscape(c))
                    result.Append(c == '\t' ? ' ' : c);
                else
                    result.Append('\\').Append(c);
            }
        }
        return result.ToString();
    }
}
