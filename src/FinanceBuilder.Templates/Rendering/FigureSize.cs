using FinanceBuilder.Templates.Content;

namespace FinanceBuilder.Templates.Rendering;

/// <summary>
/// How large a picture is drawn, the same in the PDF and the DOCX: the text's width, or less for
/// a small picture (at most twice its size at 96 pixels an inch, so it is not blown up into a
/// blur); a tall one is made narrower until it fits <see cref="MaxHeightShare"/> of a portrait
/// page's text height, so it leaves room for its caption.
/// </summary>
public static class FigureSize
{
    /// <summary>A picture is never taller than this share of a portrait page's text height.</summary>
    public const double MaxHeightShare = 0.6;

    /// <summary>Width and height in points of <paramref name="image"/> in a column <paramref name="width"/> points wide.</summary>
    public static (double Width, double Height) Of(DocumentImage image, double width, DocumentTheme theme)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(theme);
        var pixelWidth = Math.Max(1, image.PixelWidth);
        var pixelHeight = Math.Max(1, image.PixelHeight);
        var w = Math.Min(width, pixelWidth * 72.0 / 96 * 2);
        var h = w * pixelHeight / pixelWidth;
        var most = (theme.PageHeight - theme.MarginTop - theme.MarginBottom) * MaxHeightShare;
        return h > most ? (most * pixelWidth / pixelHeight, most) : (w, h);
    }
}
