using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Tests.Docx;

/// <summary>Documents that exercise every block type, for the DOCX tests.</summary>
internal static class SampleDocuments
{
    public static DocumentInfo Info(bool draft = false, bool french = false) => new()
    {
        Title = "Resilient Water Supply for Coastal Communities",
        Author = "Example Accredited Entity",
        Subject = "GCF funding proposal",
        Language = french ? "fr" : "en",
        Header = "Funding proposal — Resilient Water Supply",
        Labels = french ? DocumentLabels.French : DocumentLabels.English,
        Draft = draft,
        Created = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero),
    };

    private static Paragraph P(string text) => new([new TextRun(text)]);

    public static IReadOnlyList<IReadOnlyList<TextRun>> Row(params string[] cells) => cells.Select(c => (IReadOnlyList<TextRun>)[new TextRun(c)]).ToList();

    private static Heading H(int level, string text) => new(level, [new TextRun(text)]);

    private const string Lorem = "The project strengthens the climate resilience of coastal communities by securing their water supply against saline intrusion, drought and storm surges. It combines infrastructure investments with capacity building for the utilities and the ministries concerned, and a monitoring system that informs adaptive management over the project's lifespan.";

    /// <summary>A short document with one of every block type.</summary>
    public static ContentDocument EveryBlock() => new(
    [
        H(1, "Resilient Water Supply"),
        P("Funding proposal\nSubmitted by Example Accredited Entity"),
        new PageBreak(),
        new TableOfContents(),
        new PageBreak(),
        H(1, "A. Project summary"),
        new Paragraph([new TextRun("A paragraph with "), new TextRun("bold", Bold: true), new TextRun(" and "), new TextRun("italic", Italic: true), new TextRun(" text,\nthen a line break and a\ttab.")]),
        H(2, "A.1 Objectives"),
        new BulletList(false, [[P("First bullet")], [P("Second bullet"), new BulletList(true, [[P("Nested one")], [P("Nested two")]])], [P("Third bullet"), P("Continued paragraph of the third bullet.")]]),
        new BulletList(true, [[P("Step one")], [P("Step two")]]),
        new BulletList(true, [[P("Again one")], [P("Again two")]]),
        H(3, "Level three"),
        new Table(
            [
                [[new TextRun("Source")], [new TextRun("Amount (USD)")]],
                [[new TextRun("GCF")], [new TextRun("12,000,000")]],
                [[new TextRun("Co-financing")], [new TextRun("3,500,000")]],
            ],
            1,
            [CellAlignment.Left, CellAlignment.Right]),
        new Chart(ChartKind.Column, "Disbursements per year", ["2026", "2027", "2028"], [new ChartSeries("GCF", [1e6, 2.5e6, 3e6]), new ChartSeries("Co-financing", [0.5e6, 1e6, 1.2e6])]),
        H(4, "Level four"),
        H(5, "Level five"),
        H(6, "Level six"),
        H(2, "A.2 Next"),
        P(Lorem),
    ]);

    /// <summary>About forty pages: fourteen sections with text, lists, a long table and a chart each.</summary>
    public static ContentDocument Long()
    {
        var blocks = new List<ContentBlock>
        {
            H(1, "Resilient Water Supply for Coastal Communities"),
            P("Funding proposal to the Green Climate Fund"),
            P("Accredited entity: Example Accredited Entity\nVersion 1.0 — November 2026"),
            new PageBreak(),
            new TableOfContents(),
            new PageBreak(),
        };
        var kinds = new[] { ChartKind.Column, ChartKind.Bar, ChartKind.Line };
        for (var s = 0; s < 14; s++)
        {
            var letter = (char)('A' + s);
            blocks.Add(H(1, $"{letter}. Section {letter} of the proposal"));
            for (var sub = 1; sub <= 3; sub++)
            {
                blocks.Add(H(2, $"{letter}.{sub} Subsection with a descriptive title"));
                blocks.Add(P(Lorem + " " + Lorem));
                blocks.Add(new Paragraph([new TextRun("Key point: ", Bold: true), new TextRun(Lorem, Italic: sub == 2)]));
                blocks.Add(new BulletList(sub % 2 == 0, [[P("Rehabilitate 120 km of distribution network.")], [P("Install 40 desalination units powered by solar energy.")], [P("Train 300 staff of the utilities.")]]));
                blocks.Add(P(Lorem));
            }
            var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>> { Row("Activity", "Year 1", "Year 2", "Total") };
            for (var r = 0; r < 25; r++)
                rows.Add(Row($"Activity {r + 1}: works and services", (r * 1234.5).ToString("N0", CultureInfo.InvariantCulture), (r * 2345.5).ToString("N0", CultureInfo.InvariantCulture), (r * 3580).ToString("N0", CultureInfo.InvariantCulture)));
            blocks.Add(new Table(rows, 1, [CellAlignment.Left, CellAlignment.Right, CellAlignment.Right, CellAlignment.Right]));
            blocks.Add(new Chart(kinds[s % 3], $"Chart of section {letter}", ["2026", "2027", "2028", "2029", "2030"], [new ChartSeries("GCF", [1e6, 2e6, 2.5e6, 1.5e6, 0.5e6]), new ChartSeries("Co-financing", [0.4e6, 0.8e6, 1e6, 0.9e6, 0.3e6])]));
        }
        return new ContentDocument(blocks);
    }
}
