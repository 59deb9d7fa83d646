using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// A small HTML writer: every text and attribute value goes through the encoder, so what users
/// type is always shown as text (accents are kept as they are: French pages stay small).
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder text;

    /// <param name="capacity">What the writer expects to hold: a whole page by default; a
    /// grid cell's figure asks for little (the budget grid draws hundreds of them).</param>
    public Html(int capacity = 4096) => text = new StringBuilder(capacity);

    /// While muted, nothing is written: an autosave reply needs only the page's live parts,
    /// which unmute the writer while they are drawn (FormRenderer.Live).
    public bool Muted { get; set; }

    public Html Raw(string html)
    {
        if (!Muted)
            text.Append(html);
        return this;
    }

    public Html Text(string? value)
    {
        if (!Muted && !string.IsNullOrEmpty(value))
            text.Append(Encoder.Encode(value));
        return this;
    }

    /// ` name="value"`, or nothing when the value is null.
    public Html Attr(string name, string? value)
    {
        if (value is null || Muted)
            return this;
        text.Append(' ').Append(name).Append("=\"");
        Text(value);
        text.Append('"');
        return this;
    }

    public Html Flag(string name, bool on)
    {
        if (on && !Muted)
            text.Append(' ').Append(name);
        return this;
    }

    public static string Encode(string value) => Encoder.Encode(value);

    /// Where the next character will be written: with <see cref="Slice"/>, a part of the page
    /// can be taken out as it was written (a live region, sent again by autosave).
    public int Length => text.Length;

    public string Slice(int start, int end) => text.ToString(start, end - start);

    public override string ToString() => text.ToString();
}
