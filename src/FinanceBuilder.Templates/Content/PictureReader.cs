using SkiaSharp;

namespace FinanceBuilder.Templates.Content;

/// <summary>
/// Makes an uploaded picture fit to go into a document: decoded and encoded again with
/// SkiaSharp, so the PDF and DOCX writers only ever see a clean PNG or JPEG of our own making
/// (no metadata such as a camera's location, no trailing data, no oddity of the original's
/// encoder), turned upright as the camera recorded it, and no wider than
/// <see cref="MaxPixelWidth"/> (twice what a page's text width needs at 150 dpi, so a
/// 20-megapixel photograph does not make a 20 MB document).
/// </summary>
public static class PictureReader
{
    /// <summary>Widest picture kept, in pixels; a wider one is scaled down.</summary>
    public const int MaxPixelWidth = 2000;

    /// <summary>Largest picture decoded at all, in pixels (width × height): a decompression bomb is refused before it is decoded.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The picture as a document holds it; null when it is not a PNG or JPEG SkiaSharp can read, or is too large.</summary>
    public static DocumentImage? Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.Create(content);
        if (data is null)
            return null;
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
            return null;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
            return null;
        using var decoded = SKBitmap.Decode(codec, info.WithColorType(SKColorType.Rgba8888));
        if (decoded is null)
            return null;
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var source = upright ?? decoded;
        using var scaled = source.Width > MaxPixelWidth
            ? source.Resize(new SKImageInfo(MaxPixelWidth, Math.Max(1, (int)Math.Round((double)source.Height * MaxPixelWidth / source.Width)), SKColorType.Rgba8888, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : null;
        var final = scaled ?? source;
        using var pixels = final.PeekPixels();
        var jpeg = codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        using var encoded = jpeg
            ? pixels.Encode(new SKJpegEncoderOptions(85, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6));
        return encoded is null ? null : new DocumentImage(encoded.ToArray(), jpeg ? DocumentImageFormat.Jpeg : DocumentImageFormat.Png, final.Width, final.Height);
    }

    /// <summary>The bitmap turned as its EXIF orientation says; null when it is upright already.</summary>
    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return null;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(1, -1); canvas.RotateDegrees(-90); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
        }
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
