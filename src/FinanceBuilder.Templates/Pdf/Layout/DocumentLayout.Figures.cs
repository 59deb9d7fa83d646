using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Pictures the applicant gave, with their captions.</summary>
internal sealed partial class DocumentLayout
{
    /// <summary>
    /// A picture centred at the text's width, with its caption under it in italics; the picture
    /// and the caption's first lines go on one page.
    /// </summary>
    private void FigureBlock(Figure figure, double x, double width)
    {
        var (w, h) = FigureSize.Of(figure.Image, width, theme);
        var caption = new Paragraph(figure.Caption.Length > 0 ? [new TextRun(figure.Caption, Italic: true)] : []);
        var captionLines = memo.Break(caption.Runs, theme.BodySize, width).Lines.Count;
        Start(theme.ParagraphSpacing * 2, h + (captionLines > 0 ? theme.ParagraphSpacing + Math.Min(2, captionLines) * BodyLine : 0));
        page.Ops.Add(new ImageOp(figure, new XRect(x + (width - w) / 2, y, w, h)));
        y += h;
        placed = true;
        pending = theme.ParagraphSpacing;
        if (captionLines > 0)
            ParagraphBlock(caption, x, width, 0);
        pending = theme.ParagraphSpacing * 2;
    }
}
