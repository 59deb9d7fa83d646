using System.Globalization;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Pdf.Layout;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>
/// Paints laid-out pages: the draft watermark behind everything, the running header (not on the
/// cover), the page's own text and drawings, and the "Page X of Y" footer. It tags what it draws
/// (PDF/UA style): the layout's structure elements become the document's structure tree, and
/// everything that is not content — header, footer, draft marks, rules and fills — an artifact.
/// One structure builder serves every page, so an element may go on over a page break; the
/// stack of what is open (true for an artifact) is shared by the portrait and landscape painters.
/// </summary>
internal sealed class PagePainter(DocumentTheme theme, DocumentInfo info, TextShaper shaper, Palette palette, CultureInfo culture, StructureBuilder structure, Stack<bool> open)
{
    // XStringFormats.Default makes a new format object on every call.
    private static readonly XStringFormat BaseLine = XStringFormats.BaseLineLeft;

    /// <summary>Paints <paramref name="layout"/> onto <paramref name="pdfPage"/> (page <paramref name="number"/> of <paramref name="total"/>).</summary>
    public void Paint(PageLayout layout, PdfPage pdfPage, int number, int total)
    {
        using var graphics = XGraphics.FromPdfPage(pdfPage);
        structure.BeginArtifact();
        if (info.Draft)
            Watermark(graphics);
        if (!layout.Cover)
            Header(graphics);
        if (info.Draft)
            DraftMark(graphics);
        structure.End();
        foreach (var op in layout.Ops)
        {
            if (decorating && op is not (RuleOp or FillOp))
                EndDecoration();
            switch (op)
            {
                case TextOp text:
                    graphics.DrawString(text.Text, text.Font, text.Brush, text.X, text.Y, BaseLine);
                    break;
                case RuleOp rule:
                    BeginDecoration();
                    graphics.DrawLine(rule.Pen, rule.X1, rule.Y1, rule.X2, rule.Y2);
                    break;
                case FillOp fill:
                    BeginDecoration();
                    graphics.DrawRectangle(fill.Brush, fill.Box);
                    break;
                case ChartOp chart:
                    // A figure, read out by its title and data (the chart draws them as shapes).
                    structure.BeginElement(PdfIllustrationElementTag.Figure, ChartText.Describe(chart.Chart, culture), chart.Box);
                    ChartPainter.Paint(chart.Chart, new PdfChartCanvas(graphics, shaper, palette, chart.Box.X, chart.Box.Y), chart.Box.Width, chart.Box.Height, theme, culture);
                    structure.End();
                    break;
                case ImageOp image:
                    // A figure, read out by its alternative text.
                    structure.BeginElement(PdfIllustrationElementTag.Figure, image.Figure.AlternativeText, image.Box);
                    using (var picture = XImage.FromStream(new MemoryStream(image.Figure.Image.Data, writable: false)))
                        graphics.DrawImage(picture, image.Box);
                    structure.End();
                    break;
                case BeginOp begin:
                    structure.BeginElement(Tags[(int)begin.Tag]);
                    open.Push(false);
                    break;
                case ArtifactOp:
                    structure.BeginArtifact();
                    open.Push(true);
                    break;
                case EndOp:
                    structure.End();
                    open.Pop();
                    break;
                default:
                    break;
            }
        }
        if (decorating)
            EndDecoration();
        structure.BeginArtifact();
        Footer(graphics, number, total);
        structure.End();
    }

    private static readonly PdfBlockLevelElementTag[] Tags =
    [
        PdfBlockLevelElementTag.Heading1, PdfBlockLevelElementTag.Heading2, PdfBlockLevelElementTag.Heading3,
        PdfBlockLevelElementTag.Heading4, PdfBlockLevelElementTag.Heading5, PdfBlockLevelElementTag.Heading6,
        PdfBlockLevelElementTag.Paragraph, PdfBlockLevelElementTag.List, PdfBlockLevelElementTag.ListItem,
        PdfBlockLevelElementTag.Table, PdfBlockLevelElementTag.TableRow, PdfBlockLevelElementTag.TableHeaderCell,
        PdfBlockLevelElementTag.TableDataCell,
    ];

    // Whether a run of rules and fills is open as one artifact: a table row's borders and
    // shading are one marked sequence, not one per line (tagging each line doubled the time).
    private bool decorating;

    /// <summary>Rules and fills are decoration: an artifact, unless already inside one.</summary>
    private void BeginDecoration()
    {
        if (decorating || (open.Count > 0 && open.Peek()))
            return;
        structure.BeginArtifact();
        decorating = true;
    }

    private void EndDecoration()
    {
        structure.End();
        decorating = false;
    }

    /// <summary>The header band: its baseline sits between the page top and the text column.</summary>
    internal static double HeaderBaseline(DocumentTheme theme) => theme.MarginTop - 28;

    /// <summary>The footer's baseline, in the bottom margin.</summary>
    internal static double FooterBaseline(DocumentTheme theme) => theme.PageHeight - theme.MarginBottom + 36;

    private void Header(XGraphics graphics)
    {
        var baseline = HeaderBaseline(theme);
        if (info.Header.Length > 0)
        {
            var room = theme.ContentWidth - (info.Draft ? Width(info.Labels.Draft, 1) + 12 : 0);
            Write(graphics, Fit(info.Header, room), theme.MarginLeft, baseline, 0, palette.Muted);
        }
        var ruleY = baseline + 6;
        graphics.DrawLine(palette.MutedRule, theme.MarginLeft, ruleY, theme.PageWidth - theme.MarginRight, ruleY);
    }

    private void DraftMark(XGraphics graphics)
    {
        var label = InlineText.Plain([new Content.TextRun(info.Labels.Draft)]);
        Write(graphics, label, theme.PageWidth - theme.MarginRight - Width(label, 1), HeaderBaseline(theme), 1, palette.Draft);
    }

    /// <summary>A large, light, diagonal DRAFT across the page, drawn first so the text stays on top.</summary>
    private void Watermark(XGraphics graphics)
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
        var state = graphics.Save();
        graphics.RotateAtTransform(-Math.Atan2(theme.PageHeight, theme.PageWidth) * 180 / Math.PI, new XPoint(theme.PageWidth / 2, theme.PageHeight / 2));
        var x = theme.PageWidth / 2 - width / 2;
        var baseline = theme.PageHeight / 2 + size * 0.35;
        foreach (var piece in shaper.Shape(label, 1, size))
        {
            graphics.DrawString(piece.Text, piece.Font, palette.Watermark, x, baseline);
            x += piece.Width;
        }
        graphics.Restore(state);
    }

    private void Footer(XGraphics graphics, int number, int total)
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
        Write(graphics, text, x, FooterBaseline(theme), 0, palette.Muted);
    }

    private void Write(XGraphics graphics, string text, double x, double baseline, int style, XBrush brush)
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
                graphics.DrawString(last ? pieces[p].Spaced : pieces[p].Text, pieces[p].Font, brush, x, baseline);
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
