using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Drawing laid-out lines of words.</summary>
internal sealed partial class DocumentLayout
{
    /// <summary>The baseline's distance from the top of a line: the text centred in the line height.</summary>
    private double Baseline(double size, double lineHeight) =>
        (lineHeight - (shaper.Ascent + shaper.Descent) * size) / 2 + shaper.Ascent * size;

    /// <summary>
    /// Draws lines <c>[from, from + count)</c> from <see cref="y"/> down, each word with its
    /// trailing space. Text is set ragged-right (decision 0015: no justification without
    /// hyphenation, whose spread spaces open rivers in narrow columns and short lines).
    /// </summary>
    private void DrawLines(List<Word> words, List<Line> lines, double x, double width, double size, double lineHeight, XBrush brush, CellAlignment align, int from, int count)
    {
        var baselineOffset = Baseline(size, lineHeight);
        for (var l = from; l < from + count; l++)
        {
            var line = lines[l];
            var baseline = y + baselineOffset;
            if (marker is not null)
                DrawMarker(baseline);
            var lineX = align switch
            {
                CellAlignment.Right => x + width - line.Width,
                CellAlignment.Center => x + (width - line.Width) / 2,
                _ => x,
            };
            Merged(words, line, lineX, baseline, brush);
            y += lineHeight;
        }
    }

    /// <summary>
    /// A line: consecutive words in one font are drawn as one string (with their spaces), which
    /// is much cheaper for PDFsharp than a call per word.
    /// </summary>
    private void Merged(List<Word> words, Line line, double x, double baseline, XBrush brush)
    {
        var text = builder.Clear();
        XFont? font = null;
        var start = x;
        var order = VisualOrder(words, line);
        for (var i = line.Start; i < line.End; i++)
        {
            var word = words[order is null ? i : order[i - line.Start]];
            var pieces = word.Pieces;
            for (var p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                if (!ReferenceEquals(piece.Font, font) && text.Length > 0)
                {
                    page.Ops.Add(new TextOp(start, baseline, text.ToString(), font!, brush));
                    text.Clear();
                }
                if (text.Length == 0)
                    start = x;
                font = piece.Font;
                text.Append(piece.Text);
                x += piece.Width;
                if (p == pieces.Length - 1 && word.Space)
                {
                    text.Append(' ');
                    x += word.SpaceWidth;
                }
            }
        }
        if (text.Length > 0)
            page.Ops.Add(new TextOp(start, baseline, text.ToString(), font!, brush));
    }

    /// <summary>
    /// The word indices of a line in drawing order when it holds right-to-left words (each run
    /// of them reversed, the simplest bidi that keeps a Hebrew phrase readable); else null.
    /// </summary>
    private static int[]? VisualOrder(List<Word> words, Line line)
    {
        var any = false;
        for (var w = line.Start; w < line.End && !any; w++)
            any = words[w].Rtl;
        if (!any)
            return null;
        var order = new int[line.End - line.Start];
        for (var i = 0; i < order.Length; i++)
            order[i] = line.Start + i;
        for (var i = 0; i < order.Length; i++)
        {
            if (!words[order[i]].Rtl)
                continue;
            var end = i;
            while (end + 1 < order.Length && words[order[end + 1]].Rtl)
                end++;
            Array.Reverse(order, i, end - i + 1);
            i = end;
        }
        return order;
    }
}
