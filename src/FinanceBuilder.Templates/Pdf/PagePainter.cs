using System.Globalization;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Pdf.Layout;
using FinanceBuilder.Templates.Pdf.Writing;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>
/// Paints laid-out pages: the draft watermark behind everything, the running header (not on the
/// cover), the page's own text and drawings, and the "Page X of Y" footer. It writes each page's
/// content stream itself (<see cref="ContentStream"/>) and tags what it draws (PDF/UA style): the
/// layout's structure elements become the document's structure tree, and everything that is not
/// content — header, footer, draft marks, rules and fills — an artifact. One tree serves every
/// page, so an element may go on over a page break; the stack of what is open (null for an
/// artifact) is shared by the portrait and landscape painters. Charts and pictures are drawn
/// by PDFsharp into forms, placed as figures.
/// </summary>
internal sealed class PagePainter(DocumentTheme theme, DocumentInfo info, TextShaper shaper, Palette palette, CultureInfo culture,
    PdfDocument pdf, DocumentResources resources, StructureTree tree, Stack<StructureElement?> open)
{
    // The layout's tags are named as PDF's standard structure types: the names are the tags.
    private static readonly string[] Tags = Enum.GetNames<StructureTag>();

    private ContentStream content = new();
    private int pageIndex;

    // What the stream has set, so an operator is written only when it changes.
    private bool inText;
    private string? fontName;
    private double fontSize;
    private int renderMode;
    private double charSpacing;
    private int fill;
    private int stroke;
    private double lineWidth;

    // The marked-content sequence open: none, an artifact, or one of an element.
    private bool markedArtifact;
    private StructureElement? markedElement;

    /// <summary>Paints <paramref name="layout"/> onto <paramref name="pdfPage"/> (page <paramref name="number"/> of <paramref name="total"/>).</summary>
    public void Paint(PageLayout layout, PdfPage pdfPage, int number, int total)
    {
        content = new ContentStream();
        pageIndex = number - 1;
        (inText, fontName, fontSize, renderMode, charSpacing, fill, stroke, lineWidth) = (false, null, 0, 0, 0, 0, 0, 1);
        (markedArtifact, markedElement) = (false, null);

        Mark(null);
        if (info.Draft)
            Watermark();
        if (!layout.Cover)
            Header();
        if (info.Draft)
            DraftMark();
        foreach (var op in layout.Ops)
        {
            switch (op)
            {
                case TextOp text:
                    // Text outside every element (our layouts draw none) still belongs to the document.
                    Mark(open.Count == 0 ? tree.Document : open.Peek());
                    Text(text.X, text.Y, text.Text, text.Font, text.Brush);
                    break;
                case RuleOp rule:
                    Mark(null);
                    Line(rule.X1, rule.Y1, rule.X2, rule.Y2, rule.Pen);
                    break;
                case FillOp box:
                    Mark(null);
                    Fill(box.Box, box.Brush);
                    break;
                case ChartOp chart:
                    // A figure, read out by its title and data (the chart draws them as shapes).
                    Figure(ChartText.Describe(chart.Chart, culture), chart.Box, graphics =>
                        ChartPainter.Paint(chart.Chart, new PdfChartCanvas(graphics, shaper, palette), chart.Box.Width, chart.Box.Height, theme, culture));
                    break;
                case ImageOp image:
                    // A figure, read out by its alternative text.
                    Figure(image.Figure.AlternativeText, image.Box, graphics =>
                    {
                        using var picture = XImage.FromStream(new MemoryStream(image.Figure.Image.Data, writable: false));
                        graphics.DrawImage(picture, 0, 0, image.Box.Width, image.Box.Height);
                    });
                    break;
                case BeginOp begin:
                    CloseMark();
                    open.Push(StructureTree.Open(Tags[(int)begin.Tag], Innermost ?? tree.Document));
                    break;
                case ArtifactOp:
                    CloseMark();
                    open.Push(null);
                    break;
                case EndOp:
                    CloseMark();
                    open.Pop();
                    break;
                default:
                    break;
            }
        }
        Mark(null);
        Footer(number, total);
        CloseMark();

        var stream = new PdfDictionary(pdf);
        stream.CreateStream(content.Compressed());
        stream.Elements.SetName("/Filter", "/FlateDecode");
        pdf.Internals.AddObject(stream);
        pdfPage.Elements["/Contents"] = stream.Reference;
        pdfPage.Elements.SetInteger("/StructParents", pageIndex);
    }

    /// <summary>The innermost open element; null inside an artifact or outside every element.</summary>
    private StructureElement? Innermost => open.Count > 0 ? open.Peek() : null;

    /// <summary>
    /// Makes what is drawn next part of <paramref name="element"/> (a new marked-content
    /// sequence with its MCID), or an artifact when null — unless it already is.
    /// </summary>
    private void Mark(StructureElement? element)
    {
        if (element is null ? markedArtifact : ReferenceEquals(markedElement, element))
            return;
        CloseMark();
        if (element is null)
        {
            content.Op("/Artifact BMC");
            markedArtifact = true;
            return;
        }
        var mcid = tree.Mark(element, pageIndex);
        content.Raw("/").Raw(element.Tag).Raw("<</MCID ").Number(mcid).Op(">>BDC");
        markedElement = element;
    }

    private void CloseMark()
    {
        EndText();
        if (markedArtifact || markedElement is not null)
            content.Op("EMC");
        (markedArtifact, markedElement) = (false, null);
    }

    private void EndText()
    {
        if (!inText)
            return;
        content.Op("ET");
        inText = false;
    }

    /// <summary>A distance from the page's top as PDF's y, which counts from the bottom.</summary>
    private double Top(double y) => theme.PageHeight - y;

    /// <summary>Text whose baseline starts at (<paramref name="x"/>, <paramref name="y"/>) from the page's top-left corner.</summary>
    private void Text(double x, double y, string text, XFont font, XBrush brush)
    {
        if (text.Length == 0)
            return;
        var glyphs = resources.Glyphs(text, font);
        var name = glyphs.Font;
        if (!inText)
        {
            content.Op("BT");
            inText = true;
        }
        FillColor(brush);
        if (name != fontName || font.Size != fontSize)
        {
            content.Raw("/").Raw(name).Raw(" ").Number(font.Size).Op("Tf");
            (fontName, fontSize) = (name, font.Size);
        }
        // A face the family lacks (bold or italic of a symbol font) is simulated as PDFsharp 6.2
        // does it, so the text takes the width TextShaper measured with PDFsharp: bold as glyphs
        // filled and outlined in the text's colour, 2 % of the size wide, with 2 % of the size
        // between characters; italic as a slant of 0.342.
        if (glyphs.SimulatedBold)
        {
            var emphasis = font.Size * 0.02;
            StrokeColor(brush is XSolidBrush solid ? solid.Color : XColors.Black);
            if (emphasis != lineWidth)
            {
                content.Number(emphasis).Op("w");
                lineWidth = emphasis;
            }
            if (renderMode != 2)
            {
                content.Op("2 Tr");
                renderMode = 2;
            }
            if (emphasis != charSpacing)
            {
                content.Number(emphasis).Op("Tc");
                charSpacing = emphasis;
            }
        }
        else
        {
            if (renderMode != 0)
            {
                content.Op("0 Tr");
                renderMode = 0;
            }
            if (charSpacing != 0)
            {
                content.Op("0 Tc");
                charSpacing = 0;
            }
        }
        var skew = glyphs.SimulatedItalic ? 0.342 : 0;
        content.Raw("1 0 ").Number(skew).Raw("1 ").Number(x).Number(Top(y)).Op("Tm");
        content.Glyphs(glyphs.Indices).Op("Tj");
    }

    private void Line(double x1, double y1, double x2, double y2, XPen pen)
    {
        EndText();
        StrokeColor(pen.Color);
        if (pen.Width != lineWidth)
        {
            content.Number(pen.Width).Op("w");
            lineWidth = pen.Width;
        }
        content.Number(x1).Number(Top(y1)).Raw("m ").Number(x2).Number(Top(y2)).Op("l S");
    }

    private void Fill(XRect box, XBrush brush)
    {
        EndText();
        FillColor(brush);
        content.Number(box.X).Number(Top(box.Y + box.Height)).Number(box.Width).Number(box.Height).Op("re f");
    }

    /// <summary>A figure: PDFsharp draws it into a form the size of its box, placed here and tagged with its alternative text.</summary>
    private void Figure(string alternative, XRect box, Action<XGraphics> draw)
    {
        var form = new XForm(pdf, XUnit.FromPoint(box.Width), XUnit.FromPoint(box.Height));
        using (var graphics = XGraphics.FromForm(form))
            draw(graphics);
        var name = resources.Figure(form);
        var bottom = Top(box.Y + box.Height);
        var figure = StructureTree.Open("Figure", Innermost ?? tree.Document, alternative, [box.X, bottom, box.X + box.Width, bottom + box.Height]);
        Mark(figure);
        content.Op("q").Raw("1 0 0 1 ").Number(box.X).Number(bottom).Op("cm").Raw("/").Raw(name).Op(" Do").Op("Q");
        CloseMark();
    }

    private void FillColor(XBrush brush)
    {
        var color = brush is XSolidBrush solid ? solid.Color : XColors.Black;
        var rgb = color.R << 16 | color.G << 8 | color.B;
        if (rgb == fill)
            return;
        content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Op("rg");
        fill = rgb;
    }

    private void StrokeColor(XColor color)
    {
        var rgb = color.R << 16 | color.G << 8 | color.B;
        if (rgb == stroke)
            return;
        content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Op("RG");
        stroke = rgb;
    }

    /// <summary>The header band: its baseline sits between the page top and the text column.</summary>
    internal static double HeaderBaseline(DocumentTheme theme) => theme.MarginTop - 28;

    /// <summary>The footer's baseline, in the bottom margin.</summary>
    internal static double FooterBaseline(DocumentTheme theme) => theme.PageHeight - theme.MarginBottom + 36;

    private void Header()
    {
        var baseline = HeaderBaseline(theme);
        if (info.Header.Length > 0)
        {
            var room = theme.ContentWidth - (info.Draft ? Width(info.Labels.Draft, 1) + 12 : 0);
            Write(Fit(info.Header, room), theme.MarginLeft, baseline, 0, palette.Muted);
        }
        var ruleY = baseline + 6;
        Line(theme.MarginLeft, ruleY, theme.PageWidth - theme.MarginRight, ruleY, palette.MutedRule);
    }

    private void DraftMark()
    {
        var label = InlineText.Plain([new Content.TextRun(info.Labels.Draft)]);
        Write(label, theme.PageWidth - theme.MarginRight - Width(label, 1), HeaderBaseline(theme), 1, palette.Draft);
    }

    /// <summary>A large, light, diagonal DRAFT across the page, drawn first so the text stays on top.</summary>
    private void Watermark()
    {
        var label = InlineText.Plain([new Content.TextRun(info.Labels.Draft)]);
        var size = 96.0;
        var width = Width(label, 1, size);
        var diagonal = Math.Sqrt(theme.PageWidth * theme.PageWidth + theme.PageHeight * theme.PageHeight);
        if (width > diagonal * 0.7)
        {
            size *= diagonal * 0.7 / width;
            width = Width(label, 1, size);
        }
        // Turned about the page's centre so it runs from the bottom-left corner to the top-right.
        var angle = Math.Atan2(theme.PageHeight, theme.PageWidth);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        content.Op("q").Raw("/").Raw(resources.Opacity(((XSolidBrush)palette.Watermark).Color.A)).Op(" gs");
        content.Number(cos).Number(sin).Number(-sin).Number(cos).Number(theme.PageWidth / 2).Number(theme.PageHeight / 2).Op("cm");
        // Inside the turn, "the page" is centred on the origin: y from the top is y from the centre.
        var saved = (fill, stroke, fontName, fontSize, renderMode, charSpacing, lineWidth);
        var x = -width / 2;
        foreach (var piece in shaper.Shape(label, 1, size))
        {
            TextAt(x, -size * 0.35, piece.Text, piece.Font, palette.Watermark);
            x += piece.Width;
        }
        EndText();
        content.Op("Q");
        (fill, stroke, fontName, fontSize, renderMode, charSpacing, lineWidth) = saved;
    }

    /// <summary>Text at PDF coordinates (y up) in the current transformation.</summary>
    private void TextAt(double x, double y, string text, XFont font, XBrush brush) => Text(x, theme.PageHeight - y, text, font, brush);

    private void Footer(int number, int total)
    {
        string text;
        try
        {
            text = string.Format(culture, info.Labels.PageOfTotal, number, total);
        }
        catch (FormatException)
        {
            // A mistranslated label must not stop the document.
            text = string.Format(culture, "{0} / {1}", number, total);
        }
        var x = theme.MarginLeft + (theme.ContentWidth - Width(text, 0)) / 2;
        Write(text, x, FooterBaseline(theme), 0, palette.Muted);
    }

    private void Write(string text, double x, double baseline, int style, XBrush brush)
    {
        var words = text.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Length == 0)
            {
                x += shaper.SpaceWidth(style, theme.MarginTextSize);
                continue;
            }
            var pieces = shaper.Shape(words[w], style, theme.MarginTextSize);
            for (var p = 0; p < pieces.Length; p++)
            {
                var last = p == pieces.Length - 1 && w < words.Length - 1;
                Text(x, baseline, last ? pieces[p].Spaced : pieces[p].Text, pieces[p].Font, brush);
                x += pieces[p].Width;
            }
            x += shaper.SpaceWidth(style, theme.MarginTextSize);
        }
    }

    private double Width(string text, int style, double? size = null)
    {
        var width = 0.0;
        var words = text.Split(' ');
        foreach (var word in words)
            width += word.Length == 0 ? 0 : TextShaper.Width(shaper.Shape(word, style, size ?? theme.MarginTextSize));
        return width + (words.Length - 1) * shaper.SpaceWidth(style, size ?? theme.MarginTextSize);
    }

    /// <summary>The header text shortened with an ellipsis to fit one line.</summary>
    private string Fit(string text, double width)
    {
        text = InlineText.Plain([new Content.TextRun(text)]);
        if (Width(text, 0) <= width)
            return text;
        var length = text.Length;
        while (length > 1 && Width(string.Concat(text.AsSpan(0, length), "\u2026"), 0) > width)
            length = Math.Max(1, length - Math.Max(1, length / 20));
        // End at a word where one is near: "… Electric Bus…", not "… Electric Bu…".
        var space = text.LastIndexOf(' ', Math.Max(0, length - 1));
        if (space > length / 2)
            length = space;
        return string.Concat(text.AsSpan(0, length).TrimEnd(" ,;:—–"), "\u2026");
    }
}
