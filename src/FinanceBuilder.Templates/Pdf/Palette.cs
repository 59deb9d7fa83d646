using System.Globalization;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>The theme's colours as PDFsharp brushes and pens, made once per render.</summary>
internal sealed class Palette
{
    private readonly Dictionary<string, XSolidBrush> brushes = new(StringComparer.OrdinalIgnoreCase);

    public Palette(DocumentTheme theme)
    {
        Text = Brush(theme.TextColor);
        Accent = Brush(theme.AccentColor);
        Muted = Brush(theme.MutedColor);
        Draft = Brush(theme.DraftColor);
        HeaderFill = Brush(theme.TableHeaderFill);
        Rule = new XPen(Color(theme.RuleColor), 0.6);
        AccentRule = new XPen(Color(theme.AccentColor), 1.5);
        MutedRule = new XPen(Color(theme.RuleColor), 0.5);
        var draft = Color(theme.DraftColor);
        Watermark = new XSolidBrush(XColor.FromArgb(28, draft.R, draft.G, draft.B));
    }

    public XBrush Text { get; }

    public XBrush Accent { get; }

    public XBrush Muted { get; }

    public XBrush Draft { get; }

    public XBrush HeaderFill { get; }

    public XBrush Watermark { get; }

    public XPen Rule { get; }

    public XPen AccentRule { get; }

    public XPen MutedRule { get; }

    /// <summary>A brush of an RGB hex colour ("1F4E79").</summary>
    public XSolidBrush Brush(string hex)
    {
        if (!brushes.TryGetValue(hex, out var brush))
            brushes[hex] = brush = new XSolidBrush(Color(hex));
        return brush;
    }

    /// <summary>An RGB hex colour; black when it cannot be read.</summary>
    public static XColor Color(string hex)
    {
        hex = hex.TrimStart('#');
        return hex.Length == 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : XColors.Black;
    }
}
