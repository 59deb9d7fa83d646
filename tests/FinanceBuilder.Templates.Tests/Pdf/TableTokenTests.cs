using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using static FinanceBuilder.Templates.Tests.Pdf.PdfSamples;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// A figure, an amount with its currency, a date or a word is never cut across two lines of a
/// table cell: the table's columns take their longest word, and the table's text shrinks (within
/// the theme's floor) when the words do not fit side by side. Random budget-like tables, by
/// year, with long French and English words.
public sealed class TableTokenTests
{
    private static readonly string[] LongWords =
    [
        "Développement", "Assainissement", "Renforcement", "Infrastructures", "Knowledge", "Instrument", "financier",
        "Administrative", "Management", "Gouvernance", "Implementation", "Réhabilitation", "Sensibilisation",
    ];

    [Fact]
    public void RandomBudgetTables_NeverCutAToken()
    {
        var random = new Random(20261205);
        var problems = new List<string>();
        for (var run = 0; run < 60; run++)
        {
            // Today's range: 1 to 12 years and amounts below a billion; a wide table is laid
            // out with years as rows. Amounts to 10^12 need a landscape page (not yet).
            var years = random.Next(1, 13);
            var digits = random.Next(4, 10);
            var (table, tokens) = RandomTable(random, years, digits, french: run % 2 == 1);
            using var output = new MemoryStream();
            PdfRenderer.Render(new ContentDocument([H(1, "Budget"), table]), Info(), DocumentTheme.Default, output);
            var lines = PdfLayoutChecks.Lines(output.ToArray()).Select(l => l.Text).ToList();
            foreach (var token in tokens.Where(t => !lines.Any(l => l.Contains(t, StringComparison.Ordinal))))
                problems.Add($"run {run} ({years} years, {digits} digits): '{token}' is cut");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// Ten years of four components in portrait: the years become rows, each with its amounts
    /// on one line, and the corner cell is left empty.
    [Fact]
    public void TenYearBudget_IsLaidOut_WithYearsAsRows()
    {
        var table = TenYearBudget();

        using var output = new MemoryStream();
        PdfRenderer.Render(new ContentDocument([H(1, "Budget by component and year"), table]), Info(), DocumentTheme.Default, output);
        var lines = PdfLayoutChecks.Lines(output.ToArray()).Select(l => l.Text).ToList();

        var year = Assert.Single(lines, l => l.StartsWith("2031 ", StringComparison.Ordinal));
        Assert.Equal("2031 23,314,444 23,314,444 23,314,444 23,314,444", year.Trim());
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("Component", StringComparison.Ordinal));
    }

    private static (Table Table, List<string> Tokens) RandomTable(Random random, int years, int digits, bool french)
    {
        var culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-US");
        var tokens = new List<string>();
        var header = new List<IReadOnlyList<TextRun>> { Cell(french ? "Composante" : "Component") };
        for (var y = 0; y < years; y++)
            header.Add(Cell((2026 + y).ToString(CultureInfo.InvariantCulture)));
        header.Add(Cell("Total"));
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>> { header };
        for (var r = 0; r < random.Next(2, 7); r++)
        {
            var label = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => LongWords[random.Next(LongWords.Length)]));
            tokens.AddRange(label.Split(' '));
            var row = new List<IReadOnlyList<TextRun>> { Cell(label) };
            for (var y = 0; y <= years; y++)
            {
                var amount = (decimal)Math.Floor(random.NextDouble() * Math.Pow(10, digits));
                var text = french ? amount.ToString("N0", culture) + " USD" : "USD " + amount.ToString("N0", culture);
                tokens.Add(text);
                row.Add(Cell(text));
            }
            rows.Add(row);
        }
        var alignments = new[] { CellAlignment.Left }.Concat(Enumerable.Repeat(CellAlignment.Right, years + 1)).ToList();
        return (new Table(rows, 1, alignments), tokens);
    }
}
