using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// A PNG or JPEG picture: its signature, and its size read from its header without decoding it,
/// so that a "decompression bomb" (a small file declaring 50,000 × 50,000 pixels) is refused
/// before anything draws it.
internal static class ImageInspection
{
    public const int MaxSide = 10_000;
    public const long MaxPixels = 40_000_000;

    public static bool LooksLikePng(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static bool LooksLikeJpeg(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    public static Inspection.Accepted Png(Stream content)
    {
        var header = new byte[24];
        if (content.Read(header, 0, 24) < 24 || header[12] != 'I' || header[13] != 'H' || header[14] != 'D' || header[15] != 'R')
            throw new RefusedFile("Corrupt");
        return Sized(FileKind.Png, BigEndian(header, 16), BigEndian(header, 20));
    }

    public static Inspection.Accepted Jpeg(Stream content)
    {
        content.Position = 2;
        var marker = new byte[4];
        while (content.Read(marker, 0, 4) == 4 && marker[0] == 0xFF)
        {
            var type = marker[1];
            var length = marker[2] << 8 | marker[3];
            // Start of frame (baseline, progressive…), not DHT (C4), JPG (C8) or DAC (CC).
            if (type is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                var frame = new byte[5];
                if (content.Read(frame, 0, 5) < 5)
                    break;
                return Sized(FileKind.Jpeg, frame[3] << 8 | frame[4], frame[1] << 8 | frame[2]);
            }
            if (length < 2)
                break;
            content.Position += length - 2;
        }
        throw new RefusedFile("Corrupt");
    }

    private static Inspection.Accepted Sized(FileKind kind, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new RefusedFile("Corrupt");
        if (width > MaxSide || height > MaxSide || width * height > MaxPixels)
            throw new RefusedFile("ImageTooLarge", width, height, MaxSide);
        return new Inspection.Accepted(kind, Width: (int)width, Height: (int)height);
    }

    private static long BigEndian(byte[] b, int at) => (long)b[at] << 24 | (long)b[at + 1] << 16 | (long)b[at + 2] << 8 | b[at + 3];
}
