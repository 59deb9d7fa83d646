using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Pdf.Layout;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>Paints a chart as PDF vectors: <see cref="ChartPainter"/> draws through this canvas into the chart's own form (its top-left corner is the origin).</summary>
internal sealed class PdfChartCanvas(XGraphics graphics, TextShaper shaper, Palette palette) : IChartCanvas
{
    public void FillRectangle(double x, double y, double width, double height, string color) =>
        graphics.DrawRectangle(palette.Brush(color), x, y, width, height);

    public void Line(double x1, double y1, double x2, double y2, string color, double thickness) =>
        graphics.DrawLine(new XPen(Palette.Color(color), thickness), x1, y1, x2, y2);

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness)
    {
        var pen = new XPen(Palette.Color(color), thickness) { LineJoin = XLineJoin.Round, LineCap = XLineCap.Round };
        graphics.DrawLines(pen, points.Select(p => new XPoint(p.X, p.Y)).ToArray());
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
            graphics.DrawString(piece.Text, piece.Font, brush, start, y);
            start += piece.Width;
        }
    }

    public double MeasureText(string text, double size, bool bold) =>
        TextShaper.Width(shaper.Shape(InlineText.Plain([new Content.TextRun(text)]), TextShaper.Style(bold, false), size));
}
