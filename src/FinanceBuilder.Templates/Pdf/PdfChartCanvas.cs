using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Pdf.Layout;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>Paints a chart as PDF vectors: <see cref="ChartPainter"/> draws through this canvas at an offset on the page.</summary>
internal sealed class PdfChartCanvas(XGraphics graphics, TextShaper shaper, Palette palette, double left, double top) : IChartCanvas
{
    public void FillRectangle(double x, double y, double width, double height, string color) =>
        graphics.DrawRectangle(palette.Brush(color), left + x, top + y, width, height);

    public void Line(double x1, double y1, double x2, double y2, string color, double thickness) =>
        graphics.DrawLine(new XPen(Palette.Color(color), thickness), left + x1, top + y1, left + x2, top + y2);

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness)
    {
        var pen = new XPen(Palette.Color(color), thickness) { LineJoin = XLineJoin.Round, LineCap = XLineCap.Round };
        graphics.DrawLines(pen, points.Select(p => new XPoint(left + p.X, top + p.Y)).ToArray());
    }

    public void Text(string text, double x, double y, double size, bool bold, TextAnchor anchor, string color)
    {
        var pieces = shaper.Shape(InlineText.Plain([new Content.TextRun(text)]), TextShaper.Style(bold, false), size);
        var width = TextShaper.Width(pieces);
        var start = anchor switch
        {
            TextAnchor.Middle => x - width / 2,
            TextAnchor.End => x - width,
            _ => x,
        };
        var brush = palette.Brush(color);
        foreach (var piece in pieces)
        {
            graphics.DrawString(piece.Text, piece.Font, brush, left + start, top + y);
            start += piece.Width;
        }
    }

    public double MeasureText(string text, double size, bool bold) =>
        TextShaper.Width(shaper.Shape(InlineText.Plain([new Content.TextRun(text)]), TextShaper.Style(bold, false), size));
}
