using System.Globalization;
using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>The table of contents.</summary>
internal sealed partial class DocumentLayout
{
    /// <summary>
    /// The table of contents: its heading, then one line per section with dot leaders and the
    /// page number, each a link. Page numbers come from the previous pass ("0" in the first).
    /// </summary>
    private void ContentsBlock(double x, double width)
    {
        var size = theme.HeadingSize(1);
        var title = new[] { new TextRun(info.Labels.Contents) };
        var titleWords = InlineText.Words(title, shaper, size, bold: true);
        var titleLines = LineBreaker.Break(titleWords, width, shaper);
        Start(theme.HeadingSpacingBefore, titleLines.Count * size * theme.LineHeight + BodyLine);
        Mark(title, 1, inContents: false, heading: false);
        Begin(StructureTag.H1);
        Flow(titleWords, titleLines, x, width, size, size * theme.LineHeight, palette.Accent);
        End();
        pending = theme.HeadingSpacingAfter * 1.5;
        var reserve = TextShaper.Width(shaper.Shape("0000", 0, theme.BodySize)) + 16;
        foreach (var (heading, text, level) in contents)
        {
            var pageNumber = previous is not null && heading < previous.Count ? previous[heading].Page + 1 : 0;
            var number = pageNumber.ToString(CultureInfo.InvariantCulture);
            var style = level == 1 ? 1 : 0;
            var indent = level == 1 ? 0 : theme.ListIndent;
            var words = InlineText.Words([new TextRun(text, Bold: level == 1)], shaper, theme.BodySize);
            var lines = LineBreaker.Break(words, width - indent - reserve, shaper);
            if (lines.Count == 0)
                continue;
            Start(level == 1 ? 5 : 1, lines.Count * BodyLine);
            Begin(StructureTag.P); // an entry: its title, leaders and page number read as one line
            var entryTop = y;
            DrawLines(words, lines, x + indent, width - indent - reserve, theme.BodySize, BodyLine, palette.Text, CellAlignment.Left, 0, lines.Count);
            var baseline = y - BodyLine + Baseline(theme.BodySize, BodyLine);
            var numberPieces = shaper.Shape(number, style, theme.BodySize);
            var numberX = x + width - TextShaper.Width(numberPieces);
            var dot = shaper.Shape(".", 0, theme.BodySize)[0];
            var leaderStart = x + indent + lines[^1].Width + dot.Width * 2;
            var leaderEnd = numberX - dot.Width;
            var dots = (int)Math.Floor((leaderEnd - leaderStart) / dot.Width);
            if (dots > 0)
                page.Ops.Add(new TextOp(leaderEnd - dots * dot.Width, baseline, new string('.', dots) + " ", dot.Font, palette.Muted));
            foreach (var piece in numberPieces)
            {
                page.Ops.Add(new TextOp(numberX, baseline, piece.Text, piece.Font, palette.Text));
                numberX += piece.Width;
            }
            End();
            page.Ops.Add(new LinkOp(new XRect(x + indent, entryTop, width - indent, y - entryTop), heading));
            placed = true;
            pending = 0;
        }
        pending = theme.ParagraphSpacing;
    }
}
