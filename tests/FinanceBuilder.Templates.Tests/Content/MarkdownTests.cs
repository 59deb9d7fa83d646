using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Scripting;

namespace FinanceBuilder.Templates.Tests.Content;

/// Template Markdown becomes the content model; user text written through md.text / md.lines
/// comes back exactly as typed, whatever it holds.
public sealed class MarkdownTests
{
    private static string PlainText(ContentDocument document) =>
        string.Concat(document.Blocks.OfType<Paragraph>().SelectMany(p => p.Runs).Select(r => r.Text));

    [Theory]
    [InlineData("# Phase 2 * [draft](http://x) ![map](file:///etc/passwd)")]
    [InlineData("{{ 7*7 }} <script>alert(1)</script> &amp; &#x41;")]
    [InlineData("1. first | second | third")]
    [InlineData("- item\n+ item\n> quote")]
    [InlineData("    indented code\n```\nfenced\n```")]
    [InlineData("Title\n=====\n---\n***")]
    [InlineData("__bold__ *em* `code` ~~strike~~ \\ backslash")]
    [InlineData("::: pagebreak\n:::")]
    [InlineData("<http://example.org> www.example.org")]
    [InlineData("Côte d’Ivoire – 1 250 000,50 XOF — مرحبا 🌍")]
    public void UserText_ComesBackLiterally(string typed)
    {
        var document = MarkdownReader.Read("Before " + MarkdownText.Inline(typed) + " after");

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(document.Blocks));
        Assert.All(paragraph.Runs, r => Assert.False(r.Bold || r.Italic));
        var expected = string.Join(' ', typed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        Assert.Equal("Before " + expected + " after", PlainText(document));
    }

    [Fact]
    public void RandomPunctuation_ComesBackLiterally()
    {
        const string alphabet = "#*_[]()!<>`~|\\-+=.:&;{}%@\"' aZ9é\n";
        var random = new Random(20261129);
        for (var i = 0; i < 2_000; i++)
        {
            var typed = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = string.Join(' ', typed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            var document = MarkdownReader.Read(MarkdownText.Inline(typed));
            Assert.True(expected == PlainText(document) && document.Blocks.All(b => b is Paragraph), $"typed: {typed}");
        }
    }

    [Fact]
    public void Lines_KeepTheirBreaks_InOneParagraph()
    {
        var document = MarkdownReader.Read(MarkdownText.Lines("First line\n# not a heading\n\n  third"));

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(document.Blocks));
        Assert.Equal("First line\n# not a heading\nthird", string.Concat(paragraph.Runs.Select(r => r.Text)));
    }

    [Fact]
    public void TemplateMarkdown_BecomesTheModel()
    {
        var document = MarkdownReader.Read("""
            ::: toc
            :::

            # A. Summary

            The project costs **USD 1,200,000** and saves *451 tCO2eq* a year; see [annex 4](annex4.pdf).

            - first
            - second with ***both***

            | Source | Amount |
            |:--|--:|
            | GCF | 1,200,000 |
            | Co-financing | 300,000 |

            ::: pagebreak
            :::

            <b>not html</b>
            """);

        Assert.IsType<TableOfContents>(document.Blocks[0]);
        var heading = Assert.IsType<Heading>(document.Blocks[1]);
        Assert.Equal(1, heading.Level);
        Assert.Equal([new TextRun("A. Summary")], heading.Runs);
        var paragraph = Assert.IsType<Paragraph>(document.Blocks[2]);
        Assert.Contains(new TextRun("USD 1,200,000", Bold: true), paragraph.Runs);
        Assert.Contains(new TextRun("451 tCO2eq", Italic: true), paragraph.Runs);
        Assert.EndsWith("; see annex 4.", paragraph.Runs[^1].Text, StringComparison.Ordinal);
        var list = Assert.IsType<BulletList>(document.Blocks[3]);
        Assert.False(list.Ordered);
        Assert.Contains(new TextRun("both", Bold: true, Italic: true), Assert.IsType<Paragraph>(list.Items[1][0]).Runs);
        var table = Assert.IsType<Table>(document.Blocks[4]);
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal([CellAlignment.Left, CellAlignment.Right], table.Alignments);
        Assert.Equal("300,000", table.Rows[2][1][0].Text);
        Assert.IsType<PageBreak>(document.Blocks[5]);
        Assert.Equal("<b>not html</b>", PlainText(new ContentDocument([document.Blocks[6]])));
    }

    [Fact]
    public void Templates_WriteUserTextThroughMd()
    {
        var template = SafeTemplate.Parse("# {{ title | md.text }}\n\n{{ md.lines summary }}", "t.scriban");
        var markdown = template.Render(new Dictionary<string, object?> { ["title"] = "*Tamale* {{ 7*7 }}", ["summary"] = "- one\n- two" });

        var document = MarkdownReader.Read(markdown);

        Assert.Equal([new TextRun("*Tamale* {{ 7*7 }}")], Assert.IsType<Heading>(document.Blocks[0]).Runs);
        Assert.Equal("- one\n- two", string.Concat(Assert.IsType<Paragraph>(document.Blocks[1]).Runs.Select(r => r.Text)));
    }
}

/// Narratives keep their paragraphs, bullet lists, bold and italic; nothing else becomes syntax.
public sealed class NarrativeTests
{
    [Fact]
    public void Narrative_KeepsParagraphsListsAndEmphasis_AndNothingElse()
    {
        const string typed = """
            First paragraph with **bold** and *italic*.
            Same paragraph, next line.

            - first point
            * second point with [a link](http://x)
            • third point

            # not a heading
            ***
            <b>not html</b> ![img](file:///etc/passwd) | a | b |
            """;

        var document = MarkdownReader.Read("Intro\n\n" + MarkdownText.Narrative(typed) + "\n\nOutro");

        Assert.Equal(5, document.Blocks.Count);
        var first = Assert.IsType<Paragraph>(document.Blocks[1]);
        Assert.Contains(new TextRun("bold", Bold: true), first.Runs);
        Assert.Contains(new TextRun("italic", Italic: true), first.Runs);
        Assert.Contains("\nSame paragraph, next line.", string.Concat(first.Runs.Select(r => r.Text)), StringComparison.Ordinal);
        var list = Assert.IsType<BulletList>(document.Blocks[2]);
        Assert.Equal(3, list.Items.Count);
        Assert.Equal("second point with [a link](http://x)", string.Concat(Assert.IsType<Paragraph>(list.Items[1][0]).Runs.Select(r => r.Text)));
        var last = string.Concat(Assert.IsType<Paragraph>(document.Blocks[3]).Runs.Select(r => r.Text));
        Assert.Equal("# not a heading\n***\n<b>not html</b> ![img](file:///etc/passwd) | a | b |", last);
    }

    [Fact]
    public void RandomNarratives_NeverMakeHeadingsTablesOrBreaks()
    {
        const string alphabet = "#*_[]()!<>`~|\\-+=.:&;{}%@\"' aZ9\n\n-•";
        var random = new Random(29112026);
        for (var i = 0; i < 2_000; i++)
        {
            var typed = new string(Enumerable.Range(0, random.Next(1, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var document = MarkdownReader.Read(MarkdownText.Narrative(typed));
            Assert.True(document.Blocks.All(b => b is Paragraph or BulletList), $"typed: {typed}");
        }
    }
}
