using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// What a resident may write on the public forms: plain text. Pages always encode what they show,
/// so markup could do no harm there; it is refused anyway, with a message, because a comment
/// carrying tags or entities is almost always a bot's, and moderators should not wade through them.
public static partial class PlainText
{
    public static bool HasMarkup(string? text) => text is not null && Markup().IsMatch(text);

    /// A tag ("<b", "</", "<!--", "<?") or a character entity ("&lt;", "&#60;").
    [GeneratedRegex(@"<\s*[/!?]?\s*[A-Za-z!]|&#?[A-Za-z0-9]{1,10};", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    /// Trimmed, line ends made "\n", control characters other than the line end removed.
    public static string Clean(string? text) =>
        new string((text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
}
