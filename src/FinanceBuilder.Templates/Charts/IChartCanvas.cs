namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// Where a chart is drawn: the PDF page (vectors) or an image for DOCX. Coordinates are points
/// from the chart's top-left corner, y downwards; colours are RGB hex without '#'.
/// </summary>
public interface IChartCanvas
{
    /// <summary>Fills a rectangle.</summary>
    void FillRectangle(double x, double y, double width, double height, string color);

    /// <summary>Draws a straight line.</summary>
    void Line(double x1, double y1, double x2, double y2, string color, double thickness);

    /// <summary>Draws connected line segments.</summary>
    void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness);

    /// <summary>Writes one line of text whose baseline is at <paramref name="y"/>.</summary>
    void Text(string text, double x, double y, double size, bool bold, TextAnchor anchor, string color);

    /// <summary>The width the text takes at that size.</summary>
    double MeasureText(string text, double size, bool bold);
}

/// <summary>Which point of the text <c>x</c> names.</summary>
public enum TextAnchor
{
    /// <summary>The text starts at x.</summary>
    Start,

    /// <summary>The text is centred on x.</summary>
    Middle,

    /// <summary>The text ends at x.</summary>
    End,
}
