using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Text;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// Text runs as WordprocessingML runs. Every text passes <see cref="DocumentText.Sanitize"/>
/// here, the one door text takes into the document: the SDK throws on a control character.
/// </summary>
internal static class DocxRuns
{
    /// <summary>Appends the runs to <paramref name="parent"/> (a paragraph or a hyperlink); a
    /// <c>size</c> other than the style's is a table shrunk to keep its figures whole.</summary>
    public static void Append(OpenXmlElement parent, IReadOnlyList<TextRun> runs, bool bold = false, double? size = null)
    {
        foreach (var run in runs)
            Append(parent, run.Text, run.Bold || bold, run.Italic, size: size);
    }

    /// <summary>Appends one run; "\n" becomes a line break and a tab a tab.</summary>
    public static void Append(OpenXmlElement parent, string text, bool bold, bool italic, string? color = null, double? size = null)
    {
        // Spaces inside a figure become no-break spaces: Word then never ends a line inside
        // "USD 10,000,000" or "16 mars 2026" (Figures).
        text = Figures.WithNoBreakSpaces(DocumentText.Sanitize(text));
        if (text.Length == 0)
            return;
        var run = new Run();
        if (bold || italic || color is not null || size is not null)
        {
            run.RunProperties = new RunProperties
            {
                Bold = bold ? new Bold() : null,
                BoldComplexScript = bold ? new BoldComplexScript() : null,
                Italic = italic ? new Italic() : null,
                ItalicComplexScript = italic ? new ItalicComplexScript() : null,
                Color = color is null ? null : new Color { Val = color },
                FontSize = size is { } points ? new FontSize { Val = DocxUnits.HalfPoints(points) } : null,
                FontSizeComplexScript = size is { } csPoints ? new FontSizeComplexScript { Val = DocxUnits.HalfPoints(csPoints) } : null,
            };
        }
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\t'))
                continue;
            if (i > start)
                run.Append(TextElement(text[start..i]));
            if (i < text.Length)
            {
                if (text[i] == '\t')
                    run.Append(new TabChar());
                else if (text[i] == '\n' || i + 1 >= text.Length || text[i + 1] != '\n')
                    // "\r\n" and a lone "\r" are one break, like "\n".
                    run.Append(new Break());
            }
            start = i + 1;
        }
        parent.Append(run);
    }

    /// <summary>A w:t, preserving spaces only where XML would otherwise drop them.</summary>
    public static WText TextElement(string text)
    {
        var element = new WText(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            element.Space = SpaceProcessingModeValues.Preserve;
        return element;
    }

    /// <summary>
    /// Whether the first letter is Hebrew, Arabic or another right-to-left script: such a
    /// paragraph gets a right-to-left direction (w:bidi), so its punctuation lands where a reader
    /// of that script expects it.
    /// </summary>
    public static bool StartsRightToLeft(IReadOnlyList<TextRun> runs)
    {
        foreach (var run in runs)
        {
            foreach (var c in run.Text)
            {
                if (!char.IsLetter(c))
                    continue;
                return c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
            }
        }
        return false;
    }

    /// <summary>The plain text of runs (for lengths and the table of contents).</summary>
    public static string Plain(IReadOnlyList<TextRun> runs) =>
        runs.Count == 1 ? runs[0].Text : string.Concat(runs.Select(r => r.Text));
}
