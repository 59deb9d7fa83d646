using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>The cover title and headings.</summary>
internal sealed partial class DocumentLayout
{
    private void CoverTitle(Heading heading, double x, double width)
    {
        var size = theme.CoverTitleSize;
        var (words, lines) = memo.Break(heading.Runs, size, width, bold: true);
        var lineHeight = size * 1.2;
        // The title sits a fifth of the way down the cover, as in a bound report.
        y = top + BodyHeight * 0.2;
        Mark(heading.Runs, heading.Level, inContents: false, heading: true);
        Begin(StructureTag.H1);
        Flow(words, lines, x, width, size, lineHeight, palette.Accent);
        End();
        y += 10;
        page.Ops.Add(new RuleOp(x, y, x + width, y, palette.AccentRule));
        y += 4;
        placed = true;
        pending = 24;
    }

    private void HeadingBlock(Heading heading, IReadOnlyList<ContentBlock> blocks, int index, double x, double width, bool mark)
    {
        var size = theme.HeadingSize(heading.Level);
        var (words, lines) = memo.Break(heading.Runs, size, width, bold: true);
        var lineHeight = size * theme.LineHeight;
        var height = lines.Count * lineHeight;
        // Kept with the start of the next block: a heading never ends a page.
        var need = Math.Min(height + Lead(blocks, index + 1, width, 0), BodyHeight);
        Start(theme.HeadingSpacingBefore, need);
        if (mark)
            Mark(heading.Runs, heading.Level, inContents: false, heading: true);
        Begin(StructureTag.H1 + Math.Clamp(heading.Level, 1, 6) - 1);
        Flow(words, lines, x, width, size, lineHeight, palette.Accent);
        End();
        pending = theme.HeadingSpacingAfter;
    }

    private void Mark(IReadOnlyList<TextRun> runs, int level, bool inContents, bool heading)
    {
        var mark = new HeadingMark(InlineText.Short(InlineText.Plain(runs)), level, Pages.Count - 1, y, inContents);
        if (heading)
            Headings.Add(mark);
        Bookmarks.Add(mark);
    }
}
