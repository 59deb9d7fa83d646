using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>
/// Mends the text maps (/ToUnicode) that PDFsharp 6.2 writes for characters beyond U+FFFF
/// (emoji, some CJK): it writes the code point itself, five or six hex digits, where a PDF
/// reader expects UTF-16 (a surrogate pair), so the glyph is drawn right but copies out as
/// other characters. Each such entry is rewritten as its UTF-16 pair.
/// </summary>
/// <remarks>
/// The maps exist only once PDFsharp saves, so the saved file is opened again and saved anew:
/// about the cost of a second save, paid only by a document that draws such a character
/// (<see cref="Needed"/>). Every other entry of the map is kept as written.
/// </remarks>
internal static partial class TextMapRepair
{
    /// <summary>Whether <paramref name="text"/> holds a character beyond U+FFFF (a surrogate).</summary>
    public static bool Needed(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Copies the PDF in <paramref name="saved"/> to <paramref name="output"/> with its text maps mended.</summary>
    public static void Copy(MemoryStream saved, Stream output)
    {
        saved.Position = 0;
        using var pdf = PdfReader.Open(saved, PdfDocumentOpenMode.Modify);
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary font || font.Elements.GetReference("/ToUnicode")?.Value is not PdfDictionary map || map.Stream is null)
                continue;
            var text = Encoding.Latin1.GetString(map.Stream.UnfilteredValue);
            var mended = Mend(text);
            if (ReferenceEquals(mended, text))
                continue;
            map.Elements.Remove("/Filter");
            map.Elements.Remove("/DecodeParms");
            map.Stream.Value = Encoding.Latin1.GetBytes(mended);
        }
        pdf.Save(output, false);
    }

    /// <summary>
    /// The CMap <paramref name="cmap"/> with every range whose destination lies beyond U+FFFF
    /// moved to a character block in UTF-16; the same string when there is none.
    /// </summary>
    internal static string Mend(string cmap)
    {
        var astral = new List<(int First, int Last, int CodePoint)>();
        var kept = Range().Replace(cmap, m =>
        {
            var codePoint = int.Parse(m.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (codePoint <= 0xFFFF)
                return m.Value;
            astral.Add((Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), codePoint));
            return "";
        });
        if (astral.Count == 0)
            return cmap;
        // The range block's count must match what it still holds.
        kept = RangeBlock().Replace(kept, m =>
        {
            var count = Range().Count(m.Groups[2].Value);
            return count == 0 ? "" : $"{count} beginbfrange{m.Groups[2].Value}endbfrange\n";
        });
        var chars = new StringBuilder();
        var entries = astral.SelectMany(a => Enumerable.Range(a.First, a.Last - a.First + 1).Select(glyph => (Glyph: glyph, CodePoint: a.CodePoint + glyph - a.First))).ToList();
        // A block holds at most 100 entries.
        foreach (var block in entries.Chunk(100))
        {
            chars.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var (glyph, codePoint) in block)
                chars.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{Utf16(codePoint)}>\n");
            chars.Append("endbfchar\n");
        }
        var end = kept.IndexOf("endcmap", StringComparison.Ordinal);
        return end < 0 ? kept : kept.Insert(end, chars.ToString());
    }

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(int codePoint)
    {
        var rune = new Rune(codePoint);
        Span<char> pair = stackalloc char[2];
        var length = rune.EncodeToUtf16(pair);
        var hex = new StringBuilder(8);
        for (var i = 0; i < length; i++)
            hex.Append(CultureInfo.InvariantCulture, $"{(int)pair[i]:X4}");
        return hex.ToString();
    }

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4,6})>\r?\n")]
    private static partial Regex Range();

    [GeneratedRegex(@"(\d+) beginbfrange(.*?)endbfrange\r?\n?", RegexOptions.Singleline)]
    private static partial Regex RangeBlock();
}
