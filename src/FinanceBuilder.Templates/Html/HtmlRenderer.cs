using System.Net;
using System.Text;
using FinanceBuilder.Templates.Content;

namespace FinanceBuilder.Templates.Html;

/// <summary>
/// Draws the content model as an HTML fragment for the on-screen preview (design D3). Every text
/// is HTML-encoded; the fragment has no script, style, link or image, so it can be shown inside
/// the app's own pages under their content security policy.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>The document as HTML: headings numbered for the table of contents' links.</summary>
    /// <param name="document">The document.</param>
    /// <param name="culture">How charts write their figures; invariant when not given.</param>
    public static string Render(ContentDocument document, System.Globalization.CultureInfo? culture = null)
    {
        var html = new StringBuilder();
        var headings = document.Blocks.OfType<Heading>().ToList();
        // Numbered by position (two headings may have the same text).
        var numbers = headings.Select((h, i) => (h, i + 1)).ToDictionary(x => (object)x.h, x => x.Item2, ReferenceEqualityComparer.Instance);
        // A table of contents is numbered after the headings before it.
        var before = 0;
        foreach (var block in document.Blocks)
        {
            if (block is Heading)
                before++;
            else if (block is TableOfContents)
                numbers[block] = before;
        }
        foreach (var block in document.Blocks)
            Block(block, html, headings, numbers, culture ?? System.Globalization.CultureInfo.InvariantCulture);
        return html.ToString();
    }

    private static void Block(ContentBlock block, StringBuilder html, List<Heading> headings, Dictionary<object, int> numbers, System.Globalization.CultureInfo culture)
    {
        switch (block)
        {
            case Heading heading:
                var level = Math.Clamp(heading.Level, 1, 6);
                html.Append("<h").Append(level).Append(" id=\"s").Append(numbers.GetValueOrDefault(heading)).Append("\">");
                Runs(heading.Runs, html);
                html.Append("</h").Append(level).Append(">\n");
                break;
            case Paragraph paragraph:
                html.Append("<p>");
                Runs(paragraph.Runs, html);
                html.Append("</p>\n");
                break;
            case BulletList list:
                html.Append(list.Ordered ? "<ol>" : "<ul>");
                foreach (var item in list.Items)
                {
                    html.Append("<li>");
                    foreach (var inner in item)
                        Block(inner, html, headings, numbers, culture);
                    html.Append("</li>");
                }
                html.Append(list.Ordered ? "</ol>\n" : "</ul>\n");
                break;
            case Table table:
                Table(table, html);
                break;
            case Chart chart:
                Chart(chart, html, culture);
                break;
            case Figure figure:
                Figure(figure, html);
                break;
            case PageBreak:
                html.Append("<hr class=\"page-break\">\n");
                break;
            case TableOfContents toc:
                // The sections after the table of contents, two levels deep (the cover's title is not a section).
                html.Append("<nav class=\"toc\"><ol>");
                foreach (var heading in headings.Where(h => h.Level <= 2 && numbers[h] > numbers.GetValueOrDefault(toc)))
                {
                    html.Append("<li class=\"toc-").Append(heading.Level).Append("\"><a href=\"#s").Append(numbers[heading]).Append("\">");
                    Runs(heading.Runs, html);
                    html.Append("</a></li>");
                }
                html.Append("</ol></nav>\n");
                break;
        }
    }

    /// <summary>The chart as inline SVG, the same drawing as in the documents, sized by the page.</summary>
    private static void Chart(Chart chart, StringBuilder html, System.Globalization.CultureInfo culture)
    {
        var theme = Rendering.DocumentTheme.Default;
        var (width, height) = (theme.ContentWidth, theme.ChartHeight);
        html.Append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
            .Append(width.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append(height.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append("\" font-family=\"Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(chart.Title)).Append("\">");
        Charts.ChartPainter.Paint(chart, new SvgChartCanvas(html), width, height, theme, culture);
        html.Append("</svg></figure>\n");
    }

    /// <summary>
    /// The picture inline (a data: address: the preview loads nothing from elsewhere), with its
    /// caption. Its size is the page's style sheet's (at most the text's width): the pages'
    /// security policy allows no inline style, so a width written here would be ignored and a
    /// 1,600-pixel map would overflow a phone's screen.
    /// </summary>
    private static void Figure(Figure figure, StringBuilder html)
    {
        html.Append("<figure class=\"picture\"><img alt=\"").Append(WebUtility.HtmlEncode(figure.AlternativeText))
            .Append("\" width=\"").Append(figure.Image.PixelWidth.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(figure.Image.PixelHeight.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("\" src=\"data:")
            .Append(figure.Image.Format == DocumentImageFormat.Jpeg ? "image/jpeg" : "image/png").Append(";base64,")
            .Append(Convert.ToBase64String(figure.Image.Data)).Append("\">");
        if (figure.Caption.Length > 0)
            html.Append("<figcaption>").Append(WebUtility.HtmlEncode(figure.Caption)).Append("</figcaption>");
        html.Append("</figure>\n");
    }

    private static void Table(Table table, StringBuilder html)
    {
        // A wide table scrolls inside its own box on a phone; the box takes the keyboard focus so
        // it can be scrolled without a mouse.
        html.Append("<div class=\"table-scroll\" tabindex=\"0\"><table>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var header = r < table.HeaderRows;
            if (r == 0 && header)
                html.Append("<thead>");
            if (r == table.HeaderRows)
                html.Append("<tbody>");
            html.Append("<tr>");
            var cells = table.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                var align = c < table.Alignments.Count ? table.Alignments[c] : CellAlignment.Left;
                html.Append(header ? "<th scope=\"col\"" : "<td");
                if (align != CellAlignment.Left)
                    html.Append(" class=\"").Append(align == CellAlignment.Right ? "num" : "center").Append('"');
                html.Append('>');
                Runs(cells[c], html);
                html.Append(header ? "</th>" : "</td>");
            }
            html.Append("</tr>");
            if (r == table.HeaderRows - 1)
                html.Append("</thead>");
        }
        if (table.Rows.Count > table.HeaderRows)
            html.Append("</tbody>");
        html.Append("</table></div>\n");
    }

    private static void Runs(IReadOnlyList<TextRun> runs, StringBuilder html)
    {
        foreach (var run in runs)
        {
            if (run.Bold)
                html.Append("<strong>");
            if (run.Italic)
                html.Append("<em>");
            var lines = run.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    html.Append("<br>");
                html.Append(WebUtility.HtmlEncode(lines[i]));
            }
            if (run.Italic)
                html.Append("</em>");
            if (run.Bold)
                html.Append("</strong>");
        }
    }
}
