using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Documents.Model;

/// <summary>
/// What a document writes where the proposal has no answer. The mapper writes <see cref="Mark"/>
/// (a private-use character no one types) and this pass decides once the document is read: a
/// draft says "not answered" in italics, so its writers see the gap; a final document leaves the
/// gap out — a row that only had the answer to give is dropped, a cell stays blank, a paragraph
/// of nothing goes, a table of no rows goes — so a reviewer never meets a dash standing in for
/// an answer, nor a header over nothing.
/// </summary>
public static class Unanswered
{
    /// <summary>The mapper's placeholder for a missing answer.</summary>
    public const string Mark = "\uE000";

    /// <summary>The document with every mark resolved for a draft or a final document.</summary>
    public static ContentDocument Resolve(ContentDocument document, bool draft, CultureInfo culture)
    {
        var words = ProposalText.Get("Ui.NotAnswered", culture);
        return new ContentDocument(Blocks(document.Blocks, draft, words));
    }

    private static List<ContentBlock> Blocks(IReadOnlyList<ContentBlock> blocks, bool draft, string words)
    {
        var resolved = new List<ContentBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p when !draft && IsOnlyMarks(p.Runs):
                    break;
                case Paragraph p:
                    resolved.Add(p with { Runs = Runs(p.Runs, draft, words) });
                    break;
                case Heading h:
                    resolved.Add(h with { Runs = Runs(h.Runs, draft: false, words) });
                    break;
                case BulletList list:
                    var items = list.Items.Select(i => (IReadOnlyList<ContentBlock>)Blocks(i, draft, words)).Where(i => i.Count > 0).ToList();
                    if (items.Count > 0)
                        resolved.Add(list with { Items = items });
                    break;
                case Table table when table.Rows.Count == table.HeaderRows:
                    // A list with nothing in it (no outcome, no task yet): a header over nothing
                    // reads as a page cut short. A draft says so; a final document leaves it out.
                    if (draft)
                        resolved.Add(new Paragraph([new TextRun(words, Italic: true)]));
                    break;
                case Table table:
                    // A table whose every row only had answers to give goes, header and all.
                    var kept = Table(table, draft, words);
                    if (draft || kept.Rows.Count > kept.HeaderRows)
                        resolved.Add(kept);
                    break;
                case Chart chart:
                    resolved.Add(chart with { Labels = chart.Labels.Select(l => l.Replace(Mark, "", StringComparison.Ordinal)).ToList() });
                    break;
                default:
                    resolved.Add(block);
                    break;
            }
        }
        return resolved;
    }

    /// <summary>
    /// In a final document, a body row whose every cell after the first is unanswered says
    /// nothing but its label: it goes. The header rows stay, even if no body row is left.
    /// </summary>
    private static Table Table(Table table, bool draft, string words)
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (!draft && i >= table.HeaderRows && row.Count > 1 && row.Skip(1).All(IsOnlyMarks))
                continue;
            rows.Add(row.Select(cell => (IReadOnlyList<TextRun>)Runs(cell, draft, words)).ToList());
        }
        return table with { Rows = rows };
    }

    private static bool IsOnlyMarks(IReadOnlyList<TextRun> runs) =>
        runs.Any(r => r.Text.Contains(Mark, StringComparison.Ordinal))
        && runs.All(r => string.IsNullOrWhiteSpace(r.Text.Replace(Mark, "", StringComparison.Ordinal)));

    /// <summary>Runs with each mark as "not answered" in italics (draft) or as nothing (final).</summary>
    private static List<TextRun> Runs(IReadOnlyList<TextRun> runs, bool draft, string words)
    {
        var resolved = new List<TextRun>(runs.Count);
        foreach (var run in runs)
        {
            if (!run.Text.Contains(Mark, StringComparison.Ordinal))
            {
                resolved.Add(run);
                continue;
            }
            var parts = run.Text.Split(Mark);
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length > 0)
                    resolved.Add(run with { Text = parts[i] });
                if (i < parts.Length - 1 && draft)
                    resolved.Add(run with { Text = words, Italic = true });
            }
        }
        if (resolved.Count == 0)
            resolved.Add(new TextRun(""));
        return resolved;
    }
}
