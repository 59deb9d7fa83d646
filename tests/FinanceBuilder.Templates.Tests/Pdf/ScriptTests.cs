using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using UglyToad.PdfPig;
using static FinanceBuilder.Templates.Tests.Pdf.PdfSamples;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// Text the main font lacks is drawn from a font that has it (test.sh installs DejaVu Sans and
/// Symbola): emoji, symbols, Hebrew and Arabic — the Arabic joined and both right to left —
/// never as "□".
public sealed class ScriptTests
{
    private static string Extract(ContentDocument document) => Extract(document, out _);

    private static string Extract(ContentDocument document, out HashSet<string> fonts)
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(document, Info(), DocumentTheme.Default, output);
        using var pdf = PdfDocument.Open(output.ToArray());
        fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").ToHashSet();
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public void HostileText_HasNoMissingGlyphs()
    {
        var longWord = new string('x', 5_000);
        var text = Extract(new ContentDocument(
        [
            H(1, "Résumé 🌍 ✓ → €"),
            Para("Emoji 🌍👩🏽‍🌾 and symbols ☒ ☐ ✓ ≤ ≥ ° ± in a sentence."),
            Para("Combining marks: e\u0301te\u0301, n\u0303, a\u0308."),
            Para("Hebrew שלום and Arabic مرحبا بالعالم in one line."),
            Para(longWord),
            new Table([[new[] { new TextRun("Zone") }, [new TextRun("Nom")]], [[new TextRun("🌾")], [new TextRun("دار السلام")]]], 1, []),
        ]), out var fonts);

        Assert.DoesNotContain("\u25A1", text, StringComparison.Ordinal);
        // The emoji come from Symbola, and copy out as themselves (TextMapRepair).
        Assert.Contains(fonts, f => f.Contains("Symbola", StringComparison.Ordinal));
        Assert.Contains("Résumé 🌍 ✓ → €", text, StringComparison.Ordinal);
        Assert.Contains("Emoji 🌍👩🏽‍🌾 and symbols", text, StringComparison.Ordinal);
        Assert.Contains("🌾", text, StringComparison.Ordinal);
        Assert.Contains(fonts, f => f.Contains("DejaVu", StringComparison.Ordinal));
        Assert.Equal(5_000, text.Count(c => c == 'x'));
    }

    [Fact]
    public void RightToLeftWords_AreDrawnJoined_FromRightToLeft()
    {
        var text = Extract(new ContentDocument([Para("Arabic مرحبا and Hebrew שלום.")]));

        // Drawn left to right in visual order: the last letter first, each in its joined form.
        Assert.Contains("\uFE8E\uFE92\uFEA3\uFEAE\uFEE3", text, StringComparison.Ordinal);
        Assert.Contains("םולש", text, StringComparison.Ordinal);
    }

    /// A paragraph written right to left is set flush right; one in English stays flush left.
    [Fact]
    public void RightToLeftParagraph_IsSetFlushRight()
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(new ContentDocument([Para("Cotonou drainage works."), Para("مشروع الإنارة العامة في المدينة")]), Info(), DocumentTheme.Default, output);

        var lines = PdfLayoutChecks.Lines(output.ToArray()).Where(l => l.Top > DocumentTheme.Default.MarginTop).ToList();
        var right = DocumentTheme.Default.PageWidth - DocumentTheme.Default.MarginRight;
        var latin = Assert.Single(lines, l => l.Text.Contains("Cotonou", StringComparison.Ordinal));
        var arabic = Assert.Single(lines, l => l.Text.Any(c => c >= '\uFE70'));
        Assert.InRange(latin.Left, DocumentTheme.Default.MarginLeft - 1, DocumentTheme.Default.MarginLeft + 2);
        Assert.InRange(arabic.Right, right - 2, right + 1);
    }
}
