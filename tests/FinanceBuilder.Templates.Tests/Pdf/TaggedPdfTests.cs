using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using UglyToad.PdfPig;
using static FinanceBuilder.Templates.Tests.Pdf.PdfSamples;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// Every PDF is tagged: poppler's pdfinfo reads its structure tree back, every word of the text
/// column sits in it, the headings nest, tables have header cells, charts are figures with alt
/// text, and the running header, footer and draft marks stay out of it (artifacts).
public sealed partial class TaggedPdfTests
{
    private static readonly DocumentTheme Theme = DocumentTheme.Default;

    private static (byte[] Pdf, string Structure) Render(ContentDocument document, DocumentInfo info)
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(document, info, Theme, output);
        var file = Path.Combine(Path.GetTempPath(), $"fb-tagged-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, output.ToArray());
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfinfo", ["-struct-text", file]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 })!;
            var structure = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return (output.ToArray(), structure);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Showcase_EveryBodyWord_IsInTheStructureTree_AndHeadingsNest()
    {
        var info = Info(draft: true);
        var (pdf, structure) = Render(Showcase(), info);

        // Words of the text column (not the header or footer bands) are all in the tree.
        var tagged = string.Concat(Quoted().Matches(structure).Select(m => m.Groups[1].Value)).Replace(" ", "", StringComparison.Ordinal);
        using var read = PdfDocument.Open(pdf);
        var missing = new List<string>();
        foreach (var page in read.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                var top = page.Height - word.BoundingBox.Top;
                if (top < Theme.MarginTop - 1 || top > page.Height - Theme.MarginBottom + 1 || word.Text == info.Labels.Draft)
                    continue; // the running header, the footer, the draft mark: artifacts
                if (word.Text.Contains('\uFFFD', StringComparison.Ordinal))
                    continue; // an emoji: PDFsharp maps characters beyond U+FFFF wrongly, so the two readers decode it differently
                if (!tagged.Contains(word.Text, StringComparison.Ordinal))
                    missing.Add($"page {page.Number}: {word.Text}");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(20)));

        // The artifacts are not content: the footer's "Page 1 of" never reaches the tree.
        Assert.DoesNotContain("Page 1 of", structure, StringComparison.Ordinal);

        // Headings nest: none goes more than one level deeper than the one before it.
        var levels = HeadingTag().Matches(structure).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(levels);
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"H{levels[i]} after H{levels[i - 1]}");
    }

    [Fact]
    public void Tables_HaveHeaderCells_ChartsAreFigures_WithAltText_AndTheLanguageIsSet()
    {
        var (pdf, structure) = Render(Showcase(), Info(french: true));

        Assert.Contains("Table (block)", structure, StringComparison.Ordinal);
        Assert.Contains("TH", structure, StringComparison.Ordinal);
        Assert.Contains("TD", structure, StringComparison.Ordinal);
        Assert.Contains("L (block)", structure, StringComparison.Ordinal);
        Assert.Contains("LI", structure, StringComparison.Ordinal);
        Assert.Equal(PdfSamples.Charts().Count, Regex.Count(structure, @"^\s*Figure", RegexOptions.Multiline));
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.True(Regex.Count(raw, "/Alt") >= PdfSamples.Charts().Count, "every figure has /Alt");
        Assert.Contains("/MarkInfo", raw, StringComparison.Ordinal);
        Assert.Contains("/DisplayDocTitle true", raw, StringComparison.Ordinal);
        Assert.Contains("/Lang", raw, StringComparison.Ordinal);
    }

    /// A table split over pages repeats its header for the eye, not in the structure: the header
    /// row is in the tree once.
    [Fact]
    public void RepeatedTableHeader_IsInTheTreeOnce()
    {
        var (_, structure) = Render(new ContentDocument([H(1, "Emissions"), BigTable(300)]), Info());

        Assert.Equal(1, Regex.Count(structure, "\"Year\\s*\""));
        Assert.True(Regex.Count(structure, @"^\s*TR\b", RegexOptions.Multiline) >= 301);
    }

    [GeneratedRegex("\"(.*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*H([1-6]) \(block\)", RegexOptions.Multiline)]
    private static partial Regex HeadingTag();
}
