using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Content;
using SkiaSharp;

namespace FinanceBuilder.Web.Geography;

/// The map as a PNG for the documents (PDF and DOCX take pictures, not SVG), painted with
/// SkiaSharp from the same drawing as the wizard's SVG, at one and a half times its size so that it prints
/// sharp at the text's width.
public static class MapPicture
{
    /// Pixels per map pixel: 1,200 across the text's 16 cm, about 190 dpi.
    public const float Resolution = 1.5f;

    public static DocumentImage Paint(MapDrawing map)
    {
        var (width, height) = ((int)(map.Width * Resolution), (int)(map.Height * Resolution));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(Resolution);
        // The documents' own font, found as the charts find it (no fontconfig in our Skia build);
        // shared typefaces, not disposed here.
        var bold = Typeface(bold: true);
        var regular = Typeface(bold: false);
        Body(canvas, map, bold);
        if (map.Scale is { } bar)
        {
            var (x, y, end) = ((float)bar.Start.X, (float)bar.Start.Y, (float)(bar.Start.X + bar.Length));
            using var builder = new SKPathBuilder();
            builder.MoveTo(x, y - 5);
            builder.LineTo(x, y);
            builder.LineTo(end, y);
            builder.LineTo(end, y - 5);
            using var tick = builder.Detach();
            using var line = Stroke(MapStyle.Text, 1.5f);
            canvas.DrawPath(tick, line);
            Text(canvas, bar.Text, x, y - 8, regular, 11, SKTextAlign.Left);
        }
        if (map.Inset is { } inset)
        {
            var box = SKRect.Create((float)inset.At.X, (float)inset.At.Y, inset.Map.Width, inset.Map.Height);
            canvas.Save();
            canvas.ClipRect(box);
            canvas.Translate(box.Left, box.Top);
            Body(canvas, inset.Map, bold);
            var (from, to) = inset.Frame;
            using var frame = Stroke(MapStyle.Site, 2);
            canvas.DrawRect((float)from.X, (float)from.Y, (float)Math.Max(3, to.X - from.X), (float)Math.Max(3, to.Y - from.Y), frame);
            canvas.Restore();
            using var border = Stroke(MapStyle.CountryEdge, 1);
            canvas.DrawRect(box, border);
        }
        Text(canvas, MapStyle.Credit, map.Width - 6, map.Height - 6, regular, 10, SKTextAlign.Right);
        using var image = surface.Snapshot();
        // Flat colours compress well with the quickest setting: zlib level 1 and the Sub filter
        // made the PNG in a third of the default's time for a file a quarter larger.
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1)) ?? throw new InvalidOperationException("The map could not be encoded as PNG.");
        return new DocumentImage(png.ToArray(), DocumentImageFormat.Png, width, height);
    }

    private static void Body(SKCanvas canvas, MapDrawing map, SKTypeface bold)
    {
        using (var sea = new SKPaint { Color = SKColor.Parse(MapStyle.Sea) })
            canvas.DrawRect(0, 0, map.Width, map.Height, sea);
        foreach (var path in map.Paths)
        {
            using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
            foreach (var part in path.Parts)
            {
                builder.MoveTo((float)part[0].X, (float)part[0].Y);
                for (var i = 1; i < part.Length; i++)
                    builder.LineTo((float)part[i].X, (float)part[i].Y);
                if (path.Layer != MapLayer.Line)
                    builder.Close();
            }
            using var shape = builder.Detach();
            var look = MapStyle.Of(path.Layer);
            if (look.Fill is { } fill)
            {
                using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(fill).WithAlpha((byte)Math.Round(255 * look.FillOpacity)) };
                canvas.DrawPath(shape, paint);
            }
            using var edge = Stroke(look.Edge, (float)look.EdgeWidth);
            edge.StrokeJoin = SKStrokeJoin.Round;
            canvas.DrawPath(shape, edge);
        }
        foreach (var marker in map.Markers)
        {
            var (x, y) = ((float)marker.At.X, (float)marker.At.Y);
            var radius = (float)(marker.FromFile ? MapStyle.FilePointRadius : MapStyle.SiteRadius);
            using var dot = new SKPaint { IsAntialias = true, Color = SKColor.Parse(marker.FromFile ? MapStyle.Feature : MapStyle.Site) };
            canvas.DrawCircle(x, y, radius, dot);
            using var ring = Stroke(MapStyle.Halo, marker.FromFile ? 1 : 1.5f);
            canvas.DrawCircle(x, y, radius, ring);
            if (marker is { Label: { } label, LabelAt: { } at })
                Text(canvas, label, (float)at.X, (float)at.Y, bold, (float)MapStyle.LabelSize, SKTextAlign.Left);
        }
    }

    private static SKTypeface Typeface(bool bold) =>
        SkiaFonts.Family("Liberation Sans", bold) ?? SkiaFonts.Family("DejaVu Sans", bold) ?? SKTypeface.Default;

    private static SKPaint Stroke(string colour, float width) =>
        new() { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColor.Parse(colour), StrokeWidth = width };

    /// Text with a white halo, readable over any outline.
    private static void Text(SKCanvas canvas, string text, float x, float y, SKTypeface typeface, float size, SKTextAlign align)
    {
        using var font = new SKFont(typeface, size);
        using var halo = Stroke(MapStyle.Halo, 3);
        using var ink = new SKPaint { IsAntialias = true, Color = SKColor.Parse(MapStyle.Text) };
        canvas.DrawText(text, x, y, align, font, halo);
        canvas.DrawText(text, x, y, align, font, ink);
    }
}
