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
    /// <remarks>Every save checks every text of the proposal: the scan jumps from one suspect
    /// character (a control, a surrogate, a non-character) to the next with a vectorised search,
    /// and only a surrogate pair needs a closer look.</remarks>
    public static int IndexOfInvalidCharacter(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(Suspect);
            if (found < 0)
                return -1;
            var i = offset + found;
            var c = text[i];
            if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                return i;
            offset = i + 2;
        }
    }

    /// <summary>The characters <see cref="IsAllowed"/> refuses, and the high surrogates (allowed
    /// only when a low one follows).</summary>
    private static readonly System.Buffers.SearchValues<char> Suspect = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.IsHighSurrogate(c) || !IsAllowed(c)).ToArray());

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
