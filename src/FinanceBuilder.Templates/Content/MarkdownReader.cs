using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace FinanceBuilder.Templates.Content;

/// <summary>
/// Reads the Markdown a pack's templates produce (CommonMark, pipe tables, and two blocks of our
/// own: <c>::: pagebreak</c>, <c>::: toc</c>, <c>::: chart</c> and <c>::: figure</c>) into the content model. HTML is not recognised,
/// and links and images are kept as their text only: nothing in a document is ever loaded from
/// the network or the disk (a figure's picture is handed over by the caller, by key).
/// </summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        .DisableHtml()
        .Build();

    /// <summary>Reads a document.</summary>
    public static ContentDocument Read(string markdown) => Read(markdown, EmptyImages);

    /// <summary>
    /// Reads a document whose <c>::: figure key</c> blocks take their pictures from
    /// <paramref name="images"/>; a figure whose key is not there is left out.
    /// </summary>
    public static ContentDocument Read(string markdown, IReadOnlyDictionary<string, DocumentImage> images) =>
        new(Blocks(Markdown.Parse(markdown, Pipeline), images).ToList());

    private static readonly Dictionary<string, DocumentImage> EmptyImages = [];

    private static IEnumerable<ContentBlock> Blocks(ContainerBlock container, IReadOnlyDictionary<string, DocumentImage> images)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    yield return new Heading(heading.Level, Runs(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    yield return new Paragraph(Runs(paragraph.Inline));
                    break;
                case ListBlock list:
                    yield return new BulletList(list.IsOrdered, list.OfType<ListItemBlock>().Select(item => (IReadOnlyList<ContentBlock>)Blocks(item, images).ToList()).ToList());
                    break;
                case MdTable table:
                    yield return Table(table);
                    break;
                case CustomContainer custom when custom.Info?.Trim() == "pagebreak":
                    yield return new PageBreak();
                    break;
                case CustomContainer custom when custom.Info?.Trim() == "toc":
                    yield return new TableOfContents();
                    break;
                case CustomContainer custom when custom.Info?.Trim() == "chart":
                    foreach (var chartOrTable in Chart(custom, images))
                        yield return chartOrTable;
                    break;
                case CustomContainer custom when custom.Info?.Trim() == "figure":
                    if (Figure(custom, images) is { } figure)
                        yield return figure;
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    // Code blocks and anything else: their text, as written.
                    yield return new Paragraph([new TextRun(leaf.Lines.ToString())]);
                    break;
                case ContainerBlock inner:
                    foreach (var child in Blocks(inner, images))
                        yield return child;
                    break;
            }
        }
    }

    /// <summary>
    /// <c>::: chart bar|column|line</c>, then an optional title paragraph and a table: first column
    /// the labels, each further column one series named by its header, values as invariant
    /// numbers. Anything that does not fit that shape is shown as it was written.
    /// </summary>
    private static List<ContentBlock> Chart(CustomContainer container, IReadOnlyDictionary<string, DocumentImage> images)
    {
        var kind = container.Arguments?.Trim() switch
        {
            "bar" => ChartKind.Bar,
            "line" => ChartKind.Line,
            _ => ChartKind.Column,
        };
        var inner = Blocks(container, images).ToList();
        var title = inner.OfType<Paragraph>().FirstOrDefault() is { } p ? string.Concat(p.Runs.Select(r => r.Text)) : "";
        if (inner.OfType<Table>().FirstOrDefault() is not { HeaderRows: 1 } table || table.Rows.Count < 2 || table.Rows[0].Count < 2)
            return inner;
        var labels = new List<string>();
        var series = Enumerable.Range(1, table.Rows[0].Count - 1).Select(_ => new List<double>()).ToList();
        foreach (var row in table.Rows.Skip(1))
        {
            if (row.Count != table.Rows[0].Count)
                return inner;
            labels.Add(Text(row[0]));
            for (var c = 1; c < row.Count; c++)
            {
                if (!double.TryParse(Text(row[c]), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    return inner;
                series[c - 1].Add(value);
            }
        }
        return [new Chart(kind, title, labels, series.Select((values, i) => new ChartSeries(Text(table.Rows[0][i + 1]), values)).ToList())];

        static string Text(IReadOnlyList<TextRun> runs) => string.Concat(runs.Select(r => r.Text)).Trim();
    }

    /// <summary>
    /// <c>::: figure key</c>, then the caption as a paragraph and, optionally, the alternative
    /// text as a second one (the caption stands for the picture when there is none).
    /// </summary>
    private static Figure? Figure(CustomContainer container, IReadOnlyDictionary<string, DocumentImage> images)
    {
        if (container.Arguments?.Trim() is not { Length: > 0 } key || !images.TryGetValue(key, out var image))
            return null;
        var texts = Blocks(container, images).OfType<Paragraph>().Select(p => string.Concat(p.Runs.Select(r => r.Text)).Trim()).ToList();
        var caption = texts.FirstOrDefault() ?? "";
        return new Figure(image, caption, texts.Count > 1 && texts[1].Length > 0 ? texts[1] : caption);
    }

    private static Table Table(MdTable table)
    {
        var rows = table.OfType<MdTableRow>().ToList();
        var alignments = table.ColumnDefinitions.Select(c => c.Alignment switch
        {
            Markdig.Extensions.Tables.TableColumnAlign.Center => CellAlignment.Center,
            Markdig.Extensions.Tables.TableColumnAlign.Right => CellAlignment.Right,
            _ => CellAlignment.Left,
        }).ToList();
        return new Table(
            rows.Select(r => (IReadOnlyList<IReadOnlyList<TextRun>>)r.OfType<MdTableCell>()
                .Select(cell => (IReadOnlyList<TextRun>)cell.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline)).ToList()).ToList()).ToList(),
            rows.TakeWhile(r => r.IsHeader).Count(),
            alignments);
    }

    private static List<TextRun> Runs(ContainerInline? inline)
    {
        var runs = new List<TextRun>();
        if (inline is not null)
            Collect(inline, bold: false, italic: false, runs);
        // Neighbouring runs of the same emphasis are one run.
        var merged = new List<TextRun>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && merged[^1].Bold == run.Bold && merged[^1].Italic == run.Italic)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            else if (run.Text.Length > 0)
                merged.Add(run);
        }
        return merged;
    }

    private static void Collect(ContainerInline container, bool bold, bool italic, List<TextRun> runs)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case EmphasisInline emphasis:
                    Collect(emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount % 2 == 1, runs);
                    break;
                case LinkInline link:
                    // A link's or image's text only; its address is never followed.
                    Collect(link, bold, italic, runs);
                    break;
                case ContainerInline other:
                    Collect(other, bold, italic, runs);
                    break;
                default:
                    runs.Add(new TextRun(Text(inline), bold, italic));
                    break;
            }
        }
    }

    private static string Text(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        LineBreakInline lineBreak => lineBreak.IsHard ? "\n" : " ",
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        AutolinkInline autolink => autolink.Url,
        HtmlInline html => html.Tag,
        _ => new StringBuilder().Append(inline).ToString(),
    };
}
