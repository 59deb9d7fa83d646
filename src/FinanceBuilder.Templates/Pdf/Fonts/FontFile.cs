using System.Text;

namespace FinanceBuilder.Templates.Pdf.Fonts;

/// <summary>One font file on the system: its family and whether it is bold or italic.</summary>
internal sealed record FontFile(string Path, string Family, bool Bold, bool Italic)
{
    /// <summary>
    /// Reads the family name and style from the font's own tables (name, OS/2, head) rather than
    /// the file name, which varies between distributions. Returns null for a file that is not a
    /// TrueType/OpenType font with outlines PDFsharp can embed (colour bitmap fonts, collections).
    /// </summary>
    public static FontFile? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            var version = ReadUInt32(reader);
            if (version is not (0x00010000 or 0x4F54544F or 0x74727565))
                return null;
            var tableCount = ReadUInt16(reader);
            reader.ReadBytes(6);
            var tables = new Dictionary<string, (uint Offset, uint Length)>(StringComparer.Ordinal);
            for (var i = 0; i < tableCount; i++)
            {
                var tag = Encoding.ASCII.GetString(reader.ReadBytes(4));
                ReadUInt32(reader);
                tables[tag] = (ReadUInt32(reader), ReadUInt32(reader));
            }
            // Bitmap-only fonts (Noto Color Emoji) have neither glyf nor CFF outlines.
            if (!tables.ContainsKey("glyf") && !tables.ContainsKey("CFF ") || !tables.TryGetValue("name", out var name))
                return null;
            var (family, subfamily) = ReadNames(reader, name.Offset);
            if (family is null)
                return null;
            var bold = false;
            var italic = false;
            if (tables.TryGetValue("OS/2", out var os2) && os2.Length >= 64)
            {
                stream.Position = os2.Offset + 62;
                var selection = ReadUInt16(reader);
                italic = (selection & 0x01) != 0;
                bold = (selection & 0x20) != 0;
            }
            else if (subfamily is not null)
            {
                bold = subfamily.Contains("Bold", StringComparison.OrdinalIgnoreCase);
                italic = subfamily.Contains("Italic", StringComparison.OrdinalIgnoreCase) || subfamily.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
            }
            return new FontFile(path, family, bold, italic);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The family (name id 1) and subfamily (id 2).</summary>
    private static (string? Family, string? Subfamily) ReadNames(BinaryReader reader, uint offset)
    {
        var stream = reader.BaseStream;
        stream.Position = offset + 2;
        var count = ReadUInt16(reader);
        var storage = offset + ReadUInt16(reader);
        var names = new Dictionary<int, string>();
        for (var i = 0; i < count; i++)
        {
            var platform = ReadUInt16(reader);
            var encoding = ReadUInt16(reader);
            var language = ReadUInt16(reader);
            var id = ReadUInt16(reader);
            var length = ReadUInt16(reader);
            var start = ReadUInt16(reader);
            if (id is not (1 or 2 or 16 or 17))
                continue;
            // Windows Unicode names in US English first; Mac Roman names only if nothing else.
            var windows = platform == 3 && encoding is 0 or 1 && language == 0x409;
            var mac = platform == 1 && encoding == 0;
            if (!windows && !(mac && !names.ContainsKey(id)))
                continue;
            var back = stream.Position;
            stream.Position = storage + start;
            var bytes = reader.ReadBytes(length);
            stream.Position = back;
            names[id] = windows ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }
        // The legacy family (id 1) groups exactly the four faces regular, bold, italic and bold
        // italic; the typographic family (id 16) would mix in Light, Condensed and the like.
        var family = names.GetValueOrDefault(1) ?? names.GetValueOrDefault(16);
        var subfamily = names.GetValueOrDefault(2) ?? names.GetValueOrDefault(17);
        return (family, subfamily);
    }

    private static ushort ReadUInt16(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(2);
        if (bytes.Length < 2)
            throw new EndOfStreamException();
        return (ushort)(bytes[0] << 8 | bytes[1]);
    }

    private static uint ReadUInt32(BinaryReader reader)
    {
        var bytes = reader.ReadBytes(4);
        if (bytes.Length < 4)
            throw new EndOfStreamException();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }
}
