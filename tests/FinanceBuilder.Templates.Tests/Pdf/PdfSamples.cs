using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// <summary>Synthetic documents for the PDF tests (and for a scratch benchmark that links this file).</summary>
public static class PdfSamples
{
    private static readonly string[] Vocabulary =
    [
        "the", "project", "will", "reduce", "emissions", "of", "municipal", "street", "lighting", "by", "replacing",
        "sodium", "lamps", "with", "efficient", "LED", "luminaires", "and", "installing", "solar", "panels", "on",
        "public", "buildings", "climate", "resilience", "drainage", "capacity", "households", "benefit", "from",
        "reduced", "flooding", "while", "the", "accredited", "entity", "supervises", "procurement", "monitoring",
        "evaluation", "co-financing", "grant", "loan", "tCO2eq", "baseline", "scenario", "adaptation", "mitigation",
    ];

    public static DocumentInfo Info(bool draft = false, bool french = false) => new()
    {
        Title = "Solar street lighting for Tamale",
        Author = "Tamale Metropolitan Assembly",
        Subject = "GCF funding proposal",
        Language = french ? "fr" : "en",
        Header = "Solar street lighting for Tamale — Funding proposal",
        Labels = french ? DocumentLabels.French : DocumentLabels.English,
        Draft = draft,
        Created = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Text of <paramref name="count"/> pseudo-random words (deterministic per seed).</summary>
    public static string Words(int count, int seed)
    {
        var random = new Random(seed);
        var words = new string[count];
        for (var i = 0; i < count; i++)
            words[i] = Vocabulary[random.Next(Vocabulary.Length)];
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    public static Paragraph Para(string text) => new([new TextRun(text)]);

    public static Heading H(int level, string text) => new(level, [new TextRun(text)]);

    public static IReadOnlyList<TextRun> Cell(string text) => [new TextRun(text)];

    /// <summary>Section after section of headings and justified paragraphs, about <paramref name="pages"/> pages.</summary>
    public static ContentDocument LongText(int pages)
    {
        var blocks = new List<ContentBlock>();
        for (var section = 0; section < pages; section++)
        {
            blocks.Add(H(section % 3 == 0 ? 1 : 2, string.Create(CultureInfo.InvariantCulture, $"Section {section + 1}")));
            for (var p = 0; p < 3; p++)
            {
                blocks.Add(new Paragraph([
                    new TextRun(Words(60, section * 10 + p) + " "),
                    new TextRun("Bold words", Bold: true),
                    new TextRun(" and "),
                    new TextRun("italic words", Italic: true),
                    new TextRun(" follow. " + Words(70, section * 10 + p + 5)),
                ]));
            }
        }
        return new ContentDocument(blocks);
    }

    /// <summary>A table of <paramref name="rows"/> body rows under one header row; figures right-aligned.</summary>
    /// Four components over ten years (2027-2036) with a total column: wider than a portrait
    /// page can hold at the table's size, so it is laid out with years as rows.
    public static Table TenYearBudget()
    {
        var header = new List<IReadOnlyList<TextRun>> { Cell("Component") };
        header.AddRange(Enumerable.Range(2027, 10).Select(y => Cell(y.ToString(CultureInfo.InvariantCulture))));
        header.Add(Cell("Total"));
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>> { header };
        foreach (var name in new[] { "1 Solar PV on public buildings", "2 LED street lighting", "3 Energy management", "4 Project management" })
            rows.Add([Cell(name), .. Enumerable.Range(0, 11).Select(i => Cell((18_870_000 + i * 1_111_111).ToString("N0", CultureInfo.InvariantCulture)))]);
        return new Table(rows, 1, [CellAlignment.Left, .. Enumerable.Repeat(CellAlignment.Right, 11)]);
    }

    public static Table BigTable(int rows)
    {
        var list = new List<IReadOnlyList<IReadOnlyList<TextRun>>>
        {
            new[] { Cell("Year"), Cell("Component"), Cell("Emissions avoided (tCO2eq)"), Cell("Cost (USD)") },
        };
        for (var r = 0; r < rows; r++)
        {
            list.Add(new[]
            {
                Cell((2027 + r).ToString(CultureInfo.InvariantCulture)),
                Cell(r % 7 == 0 ? "Solar street lighting with a longer description of the work" : "LED retrofit"),
                Cell((1250.5 * (r + 1)).ToString("N1", CultureInfo.InvariantCulture)),
                Cell((98000 + r * 13).ToString("N0", CultureInfo.InvariantCulture)),
            });
        }
        return new Table(list, 1, [CellAlignment.Left, CellAlignment.Left, CellAlignment.Right, CellAlignment.Right]);
    }

    public static IReadOnlyList<Chart> Charts() =>
    [
        new Chart(ChartKind.Bar, "Cost by component", ["Street lighting", "Solar panels", "Capacity building"], [new ChartSeries("USD", [1_200_000, 850_000, 150_000])]),
        new Chart(ChartKind.Column, "Financing by year", ["2027", "2028", "2029", "2030"], [new ChartSeries("GCF", [400_000, 600_000, 300_000, 100_000]), new ChartSeries("Co-financing", [200_000, 250_000, 150_000, 50_000])]),
        new Chart(ChartKind.Line, "Emissions avoided", ["2027", "2028", "2029", "2030", "2031"], [new ChartSeries("tCO2eq", [1200, 2400, 3600, 3600, 3600])]),
    ];

    public static BulletList NestedList() => new(false,
    [
        [Para("Component 1: street lighting. " + Words(30, 1)), new BulletList(true, [[Para("Survey the existing lamps.")], [Para("Procure LED luminaires. " + Words(25, 2))], [Para("Install and commission.")]])],
        [Para("Component 2: solar panels on public buildings.")],
        [Para("Component 3: capacity building."), new BulletList(false, [[Para("Training of technicians.")], [Para("Maintenance manual.")]])],
    ]);

    /// <summary>Every block type: cover, contents, sections with lists, tables and charts.</summary>
    public static ContentDocument Showcase()
    {
        var blocks = new List<ContentBlock>
        {
            H(1, "Solar street lighting for Tamale"),
            Para("Funding proposal to the Green Climate Fund"),
            new Paragraph([new TextRun("Accredited entity: ", Bold: true), new TextRun("Example Development Bank\nVersion 1.0, November 2026")]),
            new PageBreak(),
            new TableOfContents(),
            new PageBreak(),
            H(1, "A. Project summary"),
            new Paragraph([new TextRun(Words(80, 3) + " "), new TextRun("The total cost is USD 2.2 million", Bold: true), new TextRun(", of which "), new TextRun("GCF finances 64%", Italic: true), new TextRun(". " + Words(90, 4))]),
            Para(Words(120, 5)),
            H(2, "A.1 Components"),
            NestedList(),
            Para(Words(50, 6)),
            H(2, "A.2 Budget"),
            new Table([
                [Cell("Component"), Cell("GCF (USD)"), Cell("Co-financing (USD)"), Cell("Total (USD)")],
                [Cell("Street lighting"), Cell("800,000"), Cell("400,000"), Cell("1,200,000")],
                [Cell("Solar panels"), Cell("550,000"), Cell("300,000"), Cell("850,000")],
                [Cell("Capacity building"), Cell("100,000"), Cell(""), Cell("150,000")],
                [Cell("Total")],
            ], 1, [CellAlignment.Left, CellAlignment.Right, CellAlignment.Right, CellAlignment.Right]),
            Para(Words(60, 7)),
        };
        blocks.Add(H(1, "B. Charts"));
        foreach (var chart in Charts())
        {
            blocks.Add(chart);
            blocks.Add(Para(Words(40, chart.Title.Length)));
        }
        blocks.Add(H(1, "C. Emission reductions by year"));
        blocks.Add(Para(Words(40, 9)));
        blocks.Add(BigTable(80));
        blocks.Add(H(1, "D. Narrow table"));
        blocks.Add(new Table([[Cell("Key"), Cell("Value")], [Cell("Identifier"), Cell(new string('x', 200))]], 1, []));
        blocks.Add(H(1, "E. Other scripts"));
        blocks.Add(Para("Arabic: مشروع الإنارة العامة بالطاقة الشمسية. Hebrew: פרויקט תאורת רחוב סולארית. Emoji: 🌍☀️✅. Template text {{ 7*7 }} and <script>alert(1)</script>."));
        blocks.AddRange(LongText(6).Blocks);
        return new ContentDocument(blocks);
    }
}
