using System.Globalization;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// The links to the pages of a long list ("Lines 1–25", "Rows 51–100 of 400"), the page shown
/// marked as current; nothing for a list that fits one page. Lists and the budget grid share it.
public static class ListPager
{
    /// <param name="label">The link text of the page covering items first..last (1-based).</param>
    public static void Write(Html html, int count, int size, int currentPage, string pageUrl, string ariaLabel, Func<int, int, string> label)
    {
        if (count <= size)
            return;
        var pages = (count + size - 1) / size;
        // A page number past the end shows the last page (ListWindow clamps it the same way).
        var current = Math.Clamp(currentPage, 1, pages);
        html.Raw("<nav class=\"pager\"").Attr("aria-label", ariaLabel).Raw("><ul>");
        for (var p = 1; p <= pages; p++)
        {
            var text = label((p - 1) * size + 1, Math.Min(count, p * size));
            html.Raw("<li>");
            if (p == current)
                html.Raw("<span aria-current=\"page\">").Text(text).Raw("</span>");
            else
                html.Raw("<a").Attr("href", pageUrl + "?page=" + p.ToString(CultureInfo.InvariantCulture)).Raw(">").Text(text).Raw("</a>");
            html.Raw("</li>");
        }
        html.Raw("</ul></nav>");
    }
}
