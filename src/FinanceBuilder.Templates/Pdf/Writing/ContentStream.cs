using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace FinanceBuilder.Templates.Pdf.Writing;

/// <summary>
/// A page's content stream written as bytes: PDF operators with their operands, numbers to a
/// thousandth of a point, glyph strings in hex. Written directly rather than through XGraphics,
/// whose per-string work (a formatted string per operand, an accessibility hook per draw) was
/// most of the time of a PDF (decision 0026).
/// </summary>
internal sealed class ContentStream
{
    private readonly ArrayBufferWriter<byte> bytes = new(16 * 1024);

    /// <summary>A number operand followed by a space ("12.5 ").</summary>
    public ContentStream Number(double value)
    {
        // NaN or infinity would be no PDF number at all: a layout bug, said where it happens.
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "A PDF number must be finite.");
        // Rounded first so that -0.0004 does not print as "-0".
        var rounded = Math.Round(value, 3);
        if (rounded == 0)
            rounded = 0;
        // 320 bytes hold any finite double written without an exponent, and its space.
        var span = bytes.GetSpan(320);
        if (!rounded.TryFormat(span, out var written, "0.###", CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"The number {rounded} could not be written.");
        span[written++] = (byte)' ';
        bytes.Advance(written);
        return this;
    }

    /// <summary>An operator or any ASCII text, as is.</summary>
    public ContentStream Raw(string ascii)
    {
        var span = bytes.GetSpan(ascii.Length);
        var written = Encoding.ASCII.GetBytes(ascii, span);
        bytes.Advance(written);
        return this;
    }

    /// <summary>An operator and the end of its line ("Tj\n").</summary>
    public ContentStream Op(string op) => Raw(op).Raw("\n");

    /// <summary>Glyph indices as a hex string operand ("&lt;0012003A&gt; ").</summary>
    public ContentStream Glyphs(ReadOnlySpan<ushort> glyphs)
    {
        var span = bytes.GetSpan(glyphs.Length * 4 + 3);
        span[0] = (byte)'<';
        var at = 1;
        foreach (var glyph in glyphs)
        {
            span[at++] = HexDigit(glyph >> 12);
            span[at++] = HexDigit((glyph >> 8) & 0xF);
            span[at++] = HexDigit((glyph >> 4) & 0xF);
            span[at++] = HexDigit(glyph & 0xF);
        }
        span[at++] = (byte)'>';
        span[at++] = (byte)' ';
        bytes.Advance(at);
        return this;
    }

    /// <summary>How many bytes are written so far.</summary>
    public int Length => bytes.WrittenCount;

    /// <summary>The stream compressed with zlib (the PDF's FlateDecode filter).</summary>
    public byte[] Compressed()
    {
        using var output = new MemoryStream(bytes.WrittenCount / 3 + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(bytes.WrittenSpan);
        return output.ToArray();
    }

    /// <summary>The bytes as written (for tests).</summary>
    public string Text => Encoding.ASCII.GetString(bytes.WrittenSpan);

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);
}
