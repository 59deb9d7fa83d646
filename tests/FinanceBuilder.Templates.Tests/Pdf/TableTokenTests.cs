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
            // 1 to 12 years, amounts to 10^12 (a local currency's billions): shrunk, with years
            // as rows, or on a landscape page, every figure stays whole and inside the page.
            var years = random.Next(1, 13);
            var digits = random.Next(4, 14);
            var (table, tokens) = RandomTable(random, years, digits, french: run % 2 == 1);
            using var output = new MemoryStream();
            PdfRenderer.Render(new ContentDocument([H(1, "Budget"), Para("Before the table."), table, Para("After the table.")]), Info(), DocumentTheme.Default, output);
            var pdf = output.ToArray();
            var lines = PdfLayoutChecks.Lines(pdf).Select(l => l.Text).ToList();
            foreach (var token in tokens.Where(t => !lines.Any(l => l.Contains(t, StringComparison.Ordinal))))
                problems.Add($"run {run} ({years} years, {digits} digits): '{token}' is cut");
            using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
            foreach (var page in read.GetPages())
            {
                var right = page.Width - DocumentTheme.Default.MarginRight + 1;
                if (page.Letters.FirstOrDefault(l => l.BoundingBox.Right > right) is { } outside)
                    problems.Add($"run {run}: '{outside.Value}' on page {page.Number} is outside the margin");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// Twelve years of eight components in a local currency's billions: too wide for portrait
    /// even with years as rows, so the table alone goes on a landscape page, with the heading
    /// above it, and the text after it comes back to portrait.
    [Fact]
    public void WideTable_GoesOnALandscapePage_AndTheTextAfterItComesBack()
    {
        var random = new Random(7);
        var (table, tokens) = RandomTable(random, 12, 12, french: true, rowCount: 8);

        using var output = new MemoryStream();
        var pages = PdfRenderer.Render(new ContentDocument([Para("Before."), H(2, "Budget par composante et par année"), table, Para("After the table.")]), Info(), DocumentTheme.Default, output);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(output.ToArray());
        var all = pdf.GetPages().ToList();
        Assert.True(all[0].Width < all[0].Height); // "Before." in portrait
        var turned = all.Where(p => p.Width > p.Height).ToList();
        Assert.NotEmpty(turned);
        Assert.Contains("Budget par composante", turned[0].Text, StringComparison.Ordinal);
        Assert.True(all[^1].Width < all[^1].Height && all[^1].Text.Contains("After the table.", StringComparison.Ordinal));
        var lines = PdfLayoutChecks.Lines(output.ToArray()).Select(l => l.Text).ToList();
        Assert.All(tokens, t => Assert.Contains(lines, l => l.Contains(t, StringComparison.Ordinal)));
        Assert.True(pages >= 3);
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

    internal static (Table Table, List<string> Tokens) RandomTable(Random random, int years, int digits, bool french, int? rowCount = null)
    {
        var culture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-US");
        var tokens = new List<string>();
        var header = new List<IReadOnlyList<TextRun>> { Cell(french ? "Composante" : "Component") };
        for (var y = 0; y < years; y++)
            header.Add(Cell((2026 + y).ToString(CultureInfo.InvariantCulture)));
        header.Add(Cell("Total"));
        var rows = new List<IReadOnlyList<IReadOnlyList<TextRun>>> { header };
        var count = rowCount ?? random.Next(2, 7);
        for (var r = 0; r < count; r++)
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
