using System.Globalization;
using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Paragraphs and lists.</summary>
internal sealed partial class DocumentLayout
{
    private void ParagraphBlock(Paragraph paragraph, double x, double width, int depth)
    {
        var (words, lines) = memo.Break(paragraph.Runs, theme.BodySize, width);
        var before = depth > 0 ? theme.ParagraphSpacing / 2 : 0;
        if (lines.Count == 0)
        {
            if (marker is not null)
                LoneMarker();
            pending = Math.Max(pending, before);
            return;
        }
        Start(before, Math.Min(lines.Count, 2) * BodyLine);
        Begin(StructureTag.P);
        // A paragraph written right to left (its first word is Hebrew or Arabic) is set flush
        // right, where its reader starts.
        var align = words.Count > 0 && words[0].Rtl ? CellAlignment.Right : CellAlignment.Left;
        Flow(words, lines, x, width, theme.BodySize, BodyLine, palette.Text, align);
        End();
        pending = depth > 0 ? theme.ParagraphSpacing / 2 : theme.ParagraphSpacing;
    }

    /// <summary>
    /// Draws lines from <see cref="y"/> down, continuing on new pages: never the first line alone
    /// at the bottom of a page nor the last alone at the top of the next, when avoidable.
    /// </summary>
    private void Flow(List<Word> words, List<Line> lines, double x, double width, double size, double lineHeight, XBrush brush, CellAlignment align = CellAlignment.Left)
    {
        var done = 0;
        while (done < lines.Count)
        {
            var fit = (int)Math.Floor((bottom - y + Epsilon) / lineHeight);
            var left = lines.Count - done;
            var take = Math.Min(fit, left);
            if (take < left)
            {
                if (left - take == 1 && take >= 2)
                    take--; // no last line alone at the top of the next page
                if (done == 0 && take == 1)
                    take = 0; // no first line alone at the bottom of this page
            }
            if (take <= 0)
            {
                if (placed)
                {
                    NewPage();
                    continue;
                }
                take = Math.Min(left, Math.Max(1, fit));
            }
            DrawLines(words, lines, x, width, size, lineHeight, brush, align, done, take);
            placed = true;
            done += take;
            if (done < lines.Count)
                NewPage();
        }
    }

    /// <summary>A list item whose first block is not a paragraph: its marker stands on a line of its own.</summary>
    private void LoneMarker()
    {
        Start(0, BodyLine);
        DrawMarker(y + Baseline(theme.BodySize, BodyLine));
        y += BodyLine;
        placed = true;
    }

    private void DrawMarker(double baseline)
    {
        if (marker is not { } m)
            return;
        foreach (var piece in shaper.Shape(m.Text, 0, theme.BodySize))
            page.Ops.Add(new TextOp(m.X, baseline, piece.Spaced, piece.Font, palette.Text));
        marker = null;
    }

    private void ListBlock(BulletList list, double x, double width, int depth)
    {
        var numberWidth = list.Ordered
            ? TextShaper.Width(shaper.Shape(list.Items.Count.ToString(CultureInfo.InvariantCulture) + ".", 0, theme.BodySize))
            : 0;
        // Long numbered lists widen the indent so "100." still fits before the text.
        var indent = Math.Max(theme.ListIndent, numberWidth + 6);
        // Very deep nesting stops indenting rather than leave the text column.
        if (width - indent < theme.ContentWidth / 3)
            indent = Math.Min(indent, Math.Max(0, width - theme.ContentWidth / 3));
        var contentX = x + indent;
        var contentWidth = Math.Max(width - indent, 40);
        pending = Math.Max(pending, depth == 0 ? theme.ParagraphSpacing : 0);
        Begin(StructureTag.L);
        for (var n = 0; n < list.Items.Count; n++)
        {
            Begin(StructureTag.LI);
            var text = list.Ordered ? (n + 1).ToString(CultureInfo.InvariantCulture) + "." : depth % 2 == 0 ? "\u2022" : "\u2013";
            var markerWidth = TextShaper.Width(shaper.Shape(text, 0, theme.BodySize));
            marker = indent <= 0 ? null : (text, list.Ordered ? contentX - 6 - markerWidth : x + (indent - markerWidth) / 2 - 2);
            var item = list.Items[n];
            for (var b = 0; b < item.Count; b++)
                Block(item, b, contentX, contentWidth, depth + 1);
            if (marker is not null)
                LoneMarker();
            End();
        }
        End();
        pending = depth == 0 ? theme.ParagraphSpacing : theme.ParagraphSpacing / 2;
    }
}
