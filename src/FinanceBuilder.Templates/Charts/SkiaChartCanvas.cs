using System.Globalization;
using System.Text;
using SkiaSharp;

namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// Paints a chart into a SkiaSharp raster canvas for the DOCX renderer (Word shows an image; the
/// PDF keeps vectors). The painter speaks points; the canvas is scaled once so every coordinate
/// is multiplied by dpi/72. Text goes through a typeface per run of characters, so a label in
/// Arabic or with an emoji falls back to a font that has the glyphs instead of drawing boxes.
/// One instance is used by one thread; the typeface cache is shared and thread-safe.
/// </summary>
internal sealed class SkiaChartCanvas : IChartCanvas, IDisposable
{
    private readonly SKCanvas canvas;
    private readonly SKTypeface regular;
    private readonly SKTypeface bold;
    private readonly IReadOnlyList<string> fallbackFamilies;
    private readonly SKPaint fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
    private readonly SKFont font = new() { Subpixel = true, Edging = SKFontEdging.Antialias };

    public SkiaChartCanvas(SKCanvas canvas, IReadOnlyList<string> families, IReadOnlyList<string> fallbackFamilies)
    {
        this.canvas = canvas;
        this.fallbackFamilies = fallbackFamilies;
        regular = FindTypeface(families, bold: false) ?? FindTypeface(fallbackFamilies, bold: false) ?? SKTypeface.Default;
        bold = FindTypeface(families, bold: true) ?? FindTypeface(fallbackFamilies, bold: true) ?? regular;
    }

    public void FillRectangle(double x, double y, double width, double height, string color)
    {
        fill.Color = Color(color);
        canvas.DrawRect((float)x, (float)y, (float)width, (float)height, fill);
    }

    public void Line(double x1, double y1, double x2, double y2, string color, double thickness)
    {
        stroke.Color = Color(color);
        stroke.StrokeWidth = (float)thickness;
        canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, stroke);
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness)
    {
        if (points.Count < 2)
            return;
        stroke.Color = Color(color);
        stroke.StrokeWidth = (float)thickness;
        using var builder = new SKPathBuilder();
        builder.MoveTo((float)points[0].X, (float)points[0].Y);
        for (var i = 1; i < points.Count; i++)
            builder.LineTo((float)points[i].X, (float)points[i].Y);
        using var path = builder.Detach();
        canvas.DrawPath(path, stroke);
    }

    public void Text(string text, double x, double y, double size, bool bold, TextAnchor anchor, string color)
    {
        text = ChartBidi.Visual(Clean(text));
        if (text.Length == 0)
            return;
        var runs = Runs(text, bold);
        var width = Measure(runs, size);
        var left = (float)(anchor switch
        {
            TextAnchor.Middle => x - width / 2,
            TextAnchor.End => x - width,
            _ => x,
        });
        fill.Color = Color(color);
        font.Size = (float)size;
        foreach (var (run, typeface) in runs)
        {
            font.Typeface = typeface;
            canvas.DrawText(run, left, (float)y, SKTextAlign.Left, font, fill);
            left += font.MeasureText(run);
        }
    }

    public double MeasureText(string text, double size, bool bold)
    {
        text = Clean(text);
        return text.Length == 0 ? 0 : Measure(Runs(text, bold), size);
    }

    public void Dispose()
    {
        fill.Dispose();
        stroke.Dispose();
        font.Dispose();
    }

    private double Measure(List<(string Text, SKTypeface Typeface)> runs, double size)
    {
        font.Size = (float)size;
        var width = 0.0;
        foreach (var (run, typeface) in runs)
        {
            font.Typeface = typeface;
            width += font.MeasureText(run);
        }
        return width;
    }

    /// <summary>Splits the text where the typeface that has the glyphs changes.</summary>
    private List<(string Text, SKTypeface Typeface)> Runs(string text, bool bold)
    {
        var primary = bold ? this.bold : regular;
        var runs = new List<(string, SKTypeface)>(1);
        font.Typeface = primary;
        // The common case, a label the main font fully covers, costs one call.
        if (font.ContainsGlyphs(text))
        {
            runs.Add((text, primary));
            return runs;
        }
        var current = new StringBuilder();
        SKTypeface? currentFace = null;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.ConvertToUtf32(text, i);
            var face = font.ContainsGlyph(codePoint) || char.IsWhiteSpace(text, i) ? primary : Fallback(codePoint, bold) ?? primary;
            if (currentFace is not null && face != currentFace)
            {
                runs.Add((current.ToString(), currentFace));
                current.Clear();
            }
            currentFace = face;
            current.Append(char.ConvertFromUtf32(codePoint));
        }
        if (currentFace is not null && current.Length > 0)
            runs.Add((current.ToString(), currentFace));
        return runs;
    }

    private SKTypeface? Fallback(int codePoint, bool bold) => SkiaFonts.ForCharacter(codePoint, bold, fallbackFamilies);

    private static SKTypeface? FindTypeface(IReadOnlyList<string> families, bool bold)
    {
        foreach (var family in families)
        {
            var face = SkiaFonts.Family(family, bold);
            if (face is not null)
                return face;
        }
        return null;
    }

    /// <summary>
    /// Text as Skia can draw it: unpaired surrogates and control characters (a tab or line break in
    /// a label) become spaces or go, so no input can make the canvas throw.
    /// </summary>
    private static string Clean(string text)
    {
        var builder = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = !char.IsControl(c) && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF';
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (c is '\t' or '\n' or '\r')
                builder.Append(' ');
        }
        return builder?.ToString() ?? text;
    }

    private static SKColor Color(string hex) =>
        hex.Length == 6 && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb)
            : SKColors.Black;
}
