using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>A stretch of a word drawn in one font, with its measured width.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Spaced">The characters and a trailing space: words are drawn with their space so text extraction keeps it.</param>
/// <param name="Font">The font.</param>
/// <param name="Width">The width of <paramref name="Text"/> alone.</param>
internal readonly record struct Piece(string Text, string Spaced, XFont Font, double Width);

/// <summary>
/// Turns text into pieces of one font each, measured once. A character the main font lacks is
/// taken from the first fallback family that has it (symbols, Arabic, Hebrew), else replaced by
/// a visible "□". One shaper serves one render: its caches are not shared between threads.
/// </summary>
internal sealed class TextShaper : IDisposable
{
    private const string Replacement = "\u25A1";

    private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly string[] families;
    private readonly XGraphics measure;
    private readonly Dictionary<(int Family, int Style, double Size), XFont> fonts = [];
    private readonly Dictionary<(string Text, int Style, double Size), Piece[]> words = [];
    private readonly Dictionary<(int Family, int Style, int CodePoint), bool> coverage = [];
    private readonly Dictionary<(int Style, double Size), double> spaces = [];
    private readonly StringBuilder builder = new();

    public TextShaper(string primary, IReadOnlyList<string> fallbacks)
    {
        families = [primary, .. fallbacks.Where(f => !string.Equals(f, primary, StringComparison.OrdinalIgnoreCase))];
        measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var metrics = Font(0, 0, 100).Metrics;
        Ascent = (double)metrics.Ascent / metrics.UnitsPerEm;
        Descent = (double)Math.Abs(metrics.Descent) / metrics.UnitsPerEm;
    }

    /// <summary>The main font's ascent as a fraction of the size.</summary>
    public double Ascent { get; }

    /// <summary>The main font's descent as a fraction of the size.</summary>
    public double Descent { get; }

    /// <summary>The style index of bold and italic flags: 0 regular, 1 bold, 2 italic, 3 both.</summary>
    public static int Style(bool bold, bool italic) => (bold ? 1 : 0) | (italic ? 2 : 0);

    /// <summary>The font of a family (index in the chain) and style at a size.</summary>
    public XFont Font(int family, int style, double size)
    {
        if (!fonts.TryGetValue((family, style, size), out var font))
            fonts[(family, style, size)] = font = new XFont(families[family], size, (XFontStyleEx)style, FontOptions);
        return font;
    }

    /// <summary>The width of a space in the main font.</summary>
    public double SpaceWidth(int style, double size)
    {
        if (!spaces.TryGetValue((style, size), out var width))
            spaces[(style, size)] = width = measure.MeasureString(" ", Font(0, style, size)).Width;
        return width;
    }

    /// <summary>The pieces of <paramref name="text"/> (a word, or a short label), measured.</summary>
    public Piece[] Shape(string text, int style, double size)
    {
        if (words.TryGetValue((text, style, size), out var pieces))
            return pieces;
        var list = new List<Piece>(1);
        var current = -1;
        builder.Clear();
        // PDFsharp draws characters left to right and does no bidi or shaping: a right-to-left
        // word is put in visual order here (the line puts runs of such words in visual order),
        // its Arabic letters first joined into their presentation forms.
        IEnumerable<Rune> runes = IsRightToLeft(text) ? Visual(Text.ArabicForms.Shape(text)) : text.EnumerateRunes();
        foreach (var rune in runes)
        {
            var family = FamilyOf(rune.Value, style);
            if (family < 0)
            {
                if (IsIgnorable(rune.Value))
                    continue;
                family = FamilyOf(Replacement[0], style);
                if (family < 0)
                    family = 0;
                Append(family, family == 0 && !Covers(0, style, Replacement[0]) ? "?" : Replacement);
                continue;
            }
            // A no-break space is drawn as a space: fonts give both one glyph, and PDFsharp's
            // ToUnicode map would then extract every space of the document as U+00A0.
            Append(family, rune.Value == 0xA0 ? " " : rune.ToString());
        }
        Flush();
        pieces = [.. list];
        words[(text, style, size)] = pieces;
        return pieces;

        void Append(int family, string value)
        {
            if (family != current)
                Flush();
            current = family;
            builder.Append(value);
        }

        void Flush()
        {
            if (builder.Length == 0)
                return;
            var part = builder.ToString();
            var font = Font(current, style, size);
            list.Add(new Piece(part, part + " ", font, measure.MeasureString(part, font).Width));
            builder.Clear();
        }
    }

    /// <summary>The width of pieces.</summary>
    public static double Width(Piece[] pieces)
    {
        var width = 0.0;
        foreach (var piece in pieces)
            width += piece.Width;
        return width;
    }

    /// <summary>Measures a string in a font as drawn.</summary>
    public double Measure(string text, XFont font) => measure.MeasureString(text, font).Width;

    /// <summary>Whether the text holds Hebrew or Arabic letters and no Latin ones (a right-to-left word).</summary>
    public static bool IsRightToLeft(string text)
    {
        var rtl = false;
        foreach (var c in text)
        {
            if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC')
                rtl = true;
            else if (char.IsLetter(c))
                return false;
        }
        return rtl;
    }

    /// <summary>The runes of a right-to-left word in visual order: reversed, digits kept left to right, brackets mirrored.</summary>
    private static List<Rune> Visual(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        runes.Reverse();
        for (var i = 0; i < runes.Count; i++)
        {
            runes[i] = runes[i].Value switch
            {
                '(' => new Rune(')'),
                ')' => new Rune('('),
                '[' => new Rune(']'),
                ']' => new Rune('['),
                _ => runes[i],
            };
            if (!Rune.IsDigit(runes[i]))
                continue;
            var end = i;
            while (end + 1 < runes.Count && (Rune.IsDigit(runes[end + 1]) || runes[end + 1].Value is '.' or ','))
                end++;
            runes.Reverse(i, end - i + 1);
            i = end;
        }
        return runes;
    }

    /// <summary>The first family of the chain with a glyph for the character, or -1.</summary>
    private int FamilyOf(int codePoint, int style)
    {
        if (codePoint == ' ')
            return 0;
        for (var family = 0; family < families.Length; family++)
        {
            if (Covers(family, style, codePoint))
                return family;
        }
        return -1;
    }

    private bool Covers(int family, int style, int codePoint)
    {
        if (!coverage.TryGetValue((family, style, codePoint), out var covered))
        {
            try
            {
                covered = GlyphHelper.GlyphIndexFromCodePoint(codePoint, Font(family, style, 10)) != 0;
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                covered = false;
            }
            coverage[(family, style, codePoint)] = covered;
        }
        return covered;
    }

    /// <summary>Characters that draw nothing (joiners, direction marks, variation selectors): dropped when no font has them.</summary>
    private static bool IsIgnorable(int c) =>
        c is >= 0x200B and <= 0x200F or >= 0x202A and <= 0x202E or >= 0x2060 and <= 0x206F or 0xFEFF or >= 0xFE00 and <= 0xFE0F or >= 0xE0000 and <= 0xE0FFF or 0x00AD;

    public void Dispose() => measure.Dispose();
}
