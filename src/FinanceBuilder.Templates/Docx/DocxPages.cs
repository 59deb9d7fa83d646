using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// Estimates on which page each heading falls, for the page numbers cached in the table of
/// contents (the DOCX has no layout engine of ours; Word lays the pages out). Text is measured by
/// an average character width of 0.45 em, which is close for Arial in English and
/// French; forced page breaks are exact. An estimate a page off is refreshed by Word's F9.
/// </summary>
internal sealed class DocxPages
{
    private readonly DocumentTheme theme;
    private readonly Pdf.Layout.TextShaper shaper;
    private readonly double pageHeight;
    private readonly Dictionary<ContentBlock, int> pages = new(ReferenceEqualityComparer.Instance);
    private int page = 1;
    private double y;

    private DocxPages(DocumentTheme theme, Pdf.Layout.TextShaper shaper)
    {
        this.theme = theme;
        this.shaper = shaper;
        pageHeight = theme.PageHeight - theme.MarginTop - theme.MarginBottom;
    }

    /// <summary>The estimated page of every top-level heading.</summary>
    public static Dictionary<ContentBlock, int> Estimate(IReadOnlyList<ContentBlock> blocks, DocumentTheme theme, Pdf.Layout.TextShaper shaper, Func<TableOfContents, int> tocEntries)
    {
        var estimate = new DocxPages(theme, shaper);
        // The cover's title is set large, a third of the way down the page.
        var coverTitle = DocxBody.CoverTitle(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (ReferenceEquals(block, coverTitle))
            {
                var size = theme.CoverTitleSize;
                estimate.pages[block] = estimate.page;
                estimate.Place(DocxStyles.TitleSpaceBefore + estimate.Lines(coverTitle.Runs, size, 0) * size * 1.15 + DocxStyles.TitleSpaceAfter + 8);
                continue;
            }
            if (block is PageBreak)
            {
                if (i < blocks.Count - 1)
                    estimate.NewPage();
                continue;
            }
            if (block is TableOfContents toc)
            {
                estimate.Place(theme.HeadingSize(1) * 1.2 + theme.HeadingSpacingAfter * 2);
                for (var e = tocEntries(toc); e > 0; e--)
                    estimate.Place(theme.BodySize * theme.LineHeight + 4);
                continue;
            }
            estimate.Block(block, 0);
        }
        return estimate.pages;
    }

    private void Block(ContentBlock block, double indent)
    {
        switch (block)
        {
            case Heading heading:
                var size = theme.HeadingSize(heading.Level);
                var height = Lines(heading.Runs, size, indent) * size * 1.2 + theme.HeadingSpacingBefore + theme.HeadingSpacingAfter;
                // A heading is kept with the first lines of what follows.
                if (y > 0 && y + height + 3 * BodyLine > pageHeight)
                    NewPage();
                pages[block] = page;
                Place(height);
                break;
            case Paragraph paragraph:
                Place(Lines(paragraph.Runs, theme.BodySize, indent) * BodyLine + theme.ParagraphSpacing);
                break;
            case BulletList list:
                foreach (var item in list.Items)
                {
                    foreach (var inner in item)
                    {
                        if (inner is Paragraph paragraph)
                            Place(Lines(paragraph.Runs, theme.BodySize, indent + theme.ListIndent) * BodyLine + theme.ParagraphSpacing / 2);
                        else
                            Block(inner, indent + theme.ListIndent);
                    }
                }
                break;
            case Table table when table.Rows.Count > 0:
                // As the table is drawn (the PDF's fit: its size, years as rows, its lines per
                // row); one too wide for portrait is a landscape section of its own.
                var landscape = DocxTables.GoesLandscape(table, theme, shaper);
                var fit = Pdf.Layout.TableLayout.Fit(table, shaper, theme, landscape ? theme.LandscapeContentWidth : theme.ContentWidth);
                var rows = fit.Rows.Sum(r => r.LineCount * fit.Size * 1.117 * 1.1 + theme.CellPadding * 2);
                if (landscape)
                {
                    NewPage();
                    Place(rows * pageHeight / (theme.PageWidth - theme.MarginTop - theme.MarginBottom));
                    NewPage();
                    break;
                }
                Place(rows + theme.ParagraphSpacing);
                break;
            case Chart:
                var chart = theme.ChartHeight + theme.ParagraphSpacing * 3;
                if (y + chart > pageHeight)
                    NewPage();
                Place(chart);
                break;
            case Figure figure:
                var figureHeight = FigureSize.Of(figure.Image, theme.ContentWidth, theme).Height + theme.ParagraphSpacing * 3 + BodyLine;
                if (y + figureHeight > pageHeight)
                    NewPage();
                Place(figureHeight);
                break;
        }
    }

    // The Normal style's line is set to the PDF's (DocxUnits.SingleLineEm).
    private double BodyLine => theme.BodySize * theme.LineHeight;

    private int Lines(IReadOnlyList<TextRun> runs, double size, double indent)
    {
        // 0.45 em: the average advance of Arial over English and French prose.
        var perLine = Math.Max(8, (theme.ContentWidth - indent) / (size * 0.45));
        var lines = 0;
        foreach (var line in DocxRuns.Plain(runs).Split('\n'))
            lines += 1 + (int)(line.Length / perLine);
        return lines;
    }

    private void Place(double height)
    {
        y += height;
        while (y > pageHeight)
        {
            page++;
            y -= pageHeight;
        }
    }

    private void NewPage()
    {
        page++;
        y = 0;
    }
}
