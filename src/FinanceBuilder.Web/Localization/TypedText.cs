using System.Globalization;
using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Web.Localization;

/// Text typed outside a proposal — names of organisations and people, comments, review notes —
/// is refused when it holds a character no page, document, export or log line should carry, as
/// proposal text is (issue 19): a control character pasted from a PDF, or sent on purpose to
/// break a CSV cell or forge a log line. A name is one line, so it takes no tab or line break
/// either; a comment keeps its line breaks and tabs.
public static class TypedText
{
    /// The index of the first refused character, or -1 (null and empty text have none).
    public static int IndexOfRefused(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
            return -1;
        var bad = DocumentText.IndexOfInvalidCharacter(text);
        if (multiLine || bad >= 0)
            return bad;
        return text.AsSpan().IndexOfAny('\t', '\n', '\r');
    }

    /// "{label} contains the control character U+000B…" in the reader's language, or null.
    public static string? Problem(string? text, bool multiLine, string label, CultureInfo? culture = null) =>
        IndexOfRefused(text, multiLine) is var bad and >= 0
            ? Messages.Format(culture ?? CultureInfo.CurrentUICulture, "TypedTextControlCharacter", label, ((int)text![bad]).ToString("X4", CultureInfo.InvariantCulture))
            : null;
}
