using FinanceBuilder.Templates.Content;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// Words of a generated document, counted as a word processor does (runs of non-space
/// characters in headings, paragraphs, lists and tables), for the funder's word limit.
public static class WordCount
{
    public static int Of(ContentDocument document) => document.Blocks.Sum(Of);

    private static int Of(ContentBlock block) => block switch
    {
        Heading h => Of(h.Runs),
        Paragraph p => Of(p.Runs),
        BulletList l => l.Items.Sum(item => item.Sum(Of)),
        Table t => t.Rows.Sum(row => row.Sum(Of)),
        _ => 0,
    };

    private static int Of(IReadOnlyList<TextRun> runs)
    {
        var count = 0;
        var inWord = false;
        foreach (var run in runs)
        {
            foreach (var c in run.Text)
            {
                var space = char.IsWhiteSpace(c);
                if (!space && !inWord)
                    count++;
                inWord = !space;
            }
        }
        return count;
    }
}
