using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Html;

namespace FinanceBuilder.Templates.Tests.Html;

public sealed class HtmlRendererTests
{
    [Fact]
    public void Document_BecomesEncodedHtml_WithTocLinksAndTableHeaders()
    {
        var markdown = "::: toc\n:::\n\n# Summary " + MarkdownText.Inline("<script>alert(1)</script> & co") + "\n\n" +
                       "A **bold** and *italic* " + MarkdownText.Lines("line\nnext") + "\n\n" +
                       "| Source | Amount |\n|--|--:|\n| GCF | 1,200,000 |\n\n::: pagebreak\n:::\n\n## Next";

        var html = HtmlRenderer.Render(MarkdownReader.Read(markdown));

        Assert.Contains("<nav class=\"toc\"><ol><li class=\"toc-1\"><a href=\"#s1\">Summary &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a></li><li class=\"toc-2\"><a href=\"#s2\">Next</a></li></ol></nav>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"s1\">Summary &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", html, StringComparison.Ordinal);
        Assert.Contains("line<br>next", html, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th scope=\"col\">Source</th><th scope=\"col\" class=\"num\">Amount</th></tr></thead><tbody><tr><td>GCF</td><td class=\"num\">1,200,000</td></tr></tbody>", html, StringComparison.Ordinal);
        Assert.Contains("<hr class=\"page-break\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"s2\">Next</h2>", html, StringComparison.Ordinal);
    }
}
