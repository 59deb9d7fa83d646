using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace FinanceBuilder.Templates.Pdf.Writing;

/// <summary>
/// The fonts, figures and transparency a document's pages use, under the names the content
/// streams give them ("F0", "X0", "G0"), shared by every page.
/// </summary>
/// <remarks>
/// PDFsharp embeds a font — the subset of its glyphs, their widths, the map back to Unicode —
/// only for text drawn through XGraphics, and none of that is public. So once the pages are
/// written, each font draws every character the document used with it, and each figure is
/// placed, on a scratch page that is then removed: PDFsharp embeds exactly those glyphs, and
/// the scratch page's resources give the objects the pages' names point at (decision 0026).
/// </remarks>
internal sealed class DocumentResources(PdfDocument pdf)
{
    private readonly Dictionary<(string Family, XFontStyleEx Style), (int Face, bool Bold, bool Italic)> styles = [];
    private readonly Dictionary<string, int> faces = new(StringComparer.Ordinal);
    private readonly List<(XFont Font, HashSet<int> CodePoints)> fonts = [];
    private readonly List<XForm> figures = [];
    private readonly Dictionary<double, int> alphas = [];
    private readonly PdfDictionary fontNames = Indirect(pdf);
    private readonly PdfDictionary figureNames = Indirect(pdf);
    private readonly PdfDictionary states = Indirect(pdf);

    /// <summary>
    /// The glyphs of <paramref name="text"/> in <paramref name="font"/>, the name of the font's
    /// resource, and whether its bold or italic is simulated (a face the family lacks, drawn as
    /// PDFsharp would); the characters are kept for the font's subset.
    /// </summary>
    public Glyphs Glyphs(string text, XFont font)
    {
        var style = (font.FontFamily.Name, font.Style & XFontStyleEx.BoldItalic);
        if (!styles.TryGetValue(style, out var resolved))
        {
            // PDFsharp embeds one font per face file, whatever the size and the simulated styles.
            var info = GlobalFontSettings.FontResolver?.ResolveTypeface(font.FontFamily.Name, font.Bold, font.Italic);
            var file = info?.FaceName ?? $"{style.Name}/{style.Item2}";
            if (!faces.TryGetValue(file, out var face))
            {
                faces[file] = face = fonts.Count;
                fonts.Add((font, []));
            }
            styles[style] = resolved = (face, info?.MustSimulateBold ?? false, info?.MustSimulateItalic ?? false);
        }
        var index = resolved.Face;
        var pairs = GlyphHelper.GlyphIndicesFromString(text, font);
        var glyphs = new ushort[pairs.Length];
        var used = fonts[index].CodePoints;
        for (var i = 0; i < pairs.Length; i++)
        {
            glyphs[i] = pairs[i].GlyphIndex;
            used.Add(pairs[i].CodePoint);
        }
        return new Glyphs(FontName(index), glyphs, resolved.Bold, resolved.Italic);
    }

    /// <summary>A figure drawn by PDFsharp into a form: the name it is placed by.</summary>
    public string Figure(XForm form)
    {
        figures.Add(form);
        return "X" + (figures.Count - 1);
    }

    /// <summary>The name of a graphics state with this fill opacity (0–1).</summary>
    public string Opacity(double alpha)
    {
        alpha = Math.Round(alpha, 4);
        if (!alphas.TryGetValue(alpha, out var index))
        {
            alphas[alpha] = index = alphas.Count;
            var state = Indirect(pdf);
            state.Elements.SetName("/Type", "/ExtGState");
            state.Elements.SetReal("/ca", alpha);
            state.Elements.SetReal("/CA", alpha); // outlines too (simulated bold)
            states.Elements["/G" + index] = state.Reference;
        }
        return "G" + index;
    }

    /// <summary>
    /// Embeds the fonts with the characters used and the figures, then gives every page the
    /// resources its content names.
    /// </summary>
    public void Attach(IEnumerable<PdfPage> pages)
    {
        var scratch = pdf.AddPage();
        using (var graphics = XGraphics.FromPdfPage(scratch))
        {
            for (var i = 0; i < fonts.Count; i++)
            {
                var (font, codePoints) = fonts[i];
                var text = new StringBuilder(codePoints.Count + 8);
                foreach (var codePoint in codePoints)
                {
                    // A lone surrogate is drawn as PDFsharp drew it: as the code unit it is.
                    if (Rune.IsValid(codePoint))
                        text.Append(char.ConvertFromUtf32(codePoint));
                    else if (codePoint is >= 0 and <= 0xFFFF)
                        text.Append((char)codePoint);
                }
                fontNames.Elements["/" + FontName(i)] = Added(scratch, "/Font", () => graphics.DrawString(text.ToString(), font, XBrushes.Black, 0, 100));
            }
            for (var i = 0; i < figures.Count; i++)
            {
                var form = figures[i];
                figureNames.Elements["/X" + i] = Added(scratch, "/XObject", () => graphics.DrawImage(form, 0, 0));
            }
        }
        pdf.Pages.Remove(scratch);
        foreach (var page in pages)
        {
            var resources = page.Resources.Elements;
            if (fonts.Count > 0)
                resources["/Font"] = fontNames.Reference;
            if (figures.Count > 0)
                resources["/XObject"] = figureNames.Reference;
            if (alphas.Count > 0)
                resources["/ExtGState"] = states.Reference;
        }
    }

    private static string FontName(int index) => "F" + index;

    /// <summary>The object that drawing <paramref name="draw"/> added to the scratch page's resources of <paramref name="kind"/>.</summary>
    private static PdfItem Added(PdfPage scratch, string kind, Action draw)
    {
        var before = scratch.Resources.Elements.GetDictionary(kind)?.Elements.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        draw();
        var after = scratch.Resources.Elements.GetDictionary(kind)
            ?? throw new InvalidOperationException($"PDFsharp added no {kind} resource.");
        foreach (var (name, item) in after.Elements)
        {
            if (!before.Contains(name) && item is not null)
                return item;
        }
        throw new InvalidOperationException($"PDFsharp added no new {kind} resource.");
    }

    private static PdfDictionary Indirect(PdfDocument pdf)
    {
        var dictionary = new PdfDictionary(pdf);
        pdf.Internals.AddObject(dictionary);
        return dictionary;
    }
}

/// <summary>Text as a font's glyphs: the font's resource name, the glyph indices, and the simulated styles.</summary>
internal readonly record struct Glyphs(string Font, ushort[] Indices, bool SimulatedBold, bool SimulatedItalic);
