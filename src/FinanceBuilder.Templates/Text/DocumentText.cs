namespace FinanceBuilder.Templates.Text;

/// <summary>
/// What text a generated document can hold. WordprocessingML (XML 1.0) and PDF text cannot carry
/// C0/C1 control characters other than tab and line breaks, the non-characters U+FFFE/U+FFFF or
/// unpaired surrogates; the Open XML SDK throws on save when it meets one (reliability-tests,
/// finding 3). The web app refuses such text at input with this check, and the renderers
/// sanitise again at output.
/// </summary>
public static class DocumentText
{
    /// <summary>Returns the index of the first character a document cannot hold, or -1.</summary>
    public static int IndexOfInvalidCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (!IsAllowed(c))
                return i;
        }
        return -1;
    }

    /// <summary>Removes every character a document cannot hold; returns the same string when there is none.</summary>
    public static string Sanitize(string text)
    {
        var first = IndexOfInvalidCharacter(text);
        if (first < 0)
            return text;
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsAllowed(c) && !char.IsSurrogate(c))
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= 0x20 && c < 0x7F)
        || (c > 0x9F && !char.IsLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');
}
