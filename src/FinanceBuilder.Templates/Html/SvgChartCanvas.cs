using System.Globalization;
using System.Net;
using System.Text;
using FinanceBuilder.Templates.Charts;

namespace FinanceBuilder.Templates.Html;

/// <summary>
/// Draws a chart as inline SVG for the on-screen preview, with presentation attributes only (no
/// style attribute, no script), so it passes the pages' content security policy. Text widths are
/// estimated from an average glyph width: the browser, not us, draws the text.
/// </summary>
internal sealed class SvgChartCanvas(StringBuilder svg) : IChartCanvas
{
    private const double AverageGlyphWidth = 0.55;

    public void FillRectangle(double x, double y, double width, double height, string color) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" fill=\"#{color}\"/>");

    public void Line(double x1, double y1, double x2, double y2, string color, double thickness) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"#{color}\" stroke-width=\"{thickness:0.##}\"/>");

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness)
    {
        svg.Append("<polyline fill=\"none\" stroke=\"#").Append(color).Append(CultureInfo.InvariantCulture, $"\" stroke-width=\"{thickness:0.##}\" points=\"");
        foreach (var (x, y) in points)
            svg.Append(CultureInfo.InvariantCulture, $"{x:0.##},{y:0.##} ");
        svg.Append("\"/>");
    }

    public void Text(string text, double x, double y, double size, bool bold, TextAnchor anchor, string color)
    {
        var textAnchor = anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-size=\"{size:0.##}\" text-anchor=\"{textAnchor}\" fill=\"#{color}\"");
        if (bold)
            svg.Append(" font-weight=\"bold\"");
        svg.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>");
    }

    public double MeasureText(string text, double size, bool bold) => text.Length * size * AverageGlyphWidth * (bold ? 1.08 : 1);
}
