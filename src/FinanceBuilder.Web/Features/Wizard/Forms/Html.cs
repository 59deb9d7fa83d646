using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// A small HTML writer: every text and attribute value goes through the encoder, so what users
/// type is always shown as text (accents are kept as they are: French pages stay small).
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder text = new(4096);

    public Html Raw(string html)
    {
        text.Append(html);
        return this;
    }

    public Html Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
            text.Append(Encoder.Encode(value));
        return this;
    }

    /// ` name="value"`, or nothing when the value is null.
    public Html Attr(string name, string? value)
    {
        if (value is null)
            return this;
        text.Append(' ').Append(name).Append("=\"");
        Text(value);
        text.Append('"');
        return this;
    }

    public Html Flag(string name, bool on)
    {
        if (on)
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
