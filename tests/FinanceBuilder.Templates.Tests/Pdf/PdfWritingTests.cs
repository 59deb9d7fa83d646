using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Pdf.Writing;
using FinanceBuilder.Templates.Rendering;
using UglyToad.PdfPig;
using static FinanceBuilder.Templates.Tests.Pdf.PdfSamples;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// The pages and the structure tree are written by our own code (decision 0026): its operands,
/// the nesting of text objects and marked content, the incremental update's cross-reference
/// table, and the figures' boxes in page coordinates.
public sealed partial class PdfWritingTests
{
    private static byte[] Render(bool draft = true)
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(Showcase(), Info(draft: draft), DocumentTheme.Default, output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(12.5, "12.5 ")]
    [InlineData(72, "72 ")]
    [InlineData(-0.0004, "0 ")]
    [InlineData(1.0 / 3, "0.333 ")]
    [InlineData(841.8898, "841.89 ")]
    [InlineData(1_000_000, "1000000 ")]
    public void Numbers_AreWrittenToAThousandth_InvariantCulture(double value, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR"); // a comma would break the stream
        try
        {
            Assert.Equal(expected, new ContentStream().Number(value).Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Glyphs_AreFourHexDigitsEach()
    {
        Assert.Equal("<0000002A00FFFFFF> Tj\n", new ContentStream().Glyphs([0, 42, 255, 65535]).Op("Tj").Text);
    }

    [Theory]
    [InlineData("Budget (USD)", "(Budget \\(USD\\))")]
    [InlineData("a\\b", "(a\\\\b)")]
    [InlineData("Émissions", "<FEFF00C9006D0069007300730069006F006E0073>")]
    [InlineData("🌍", "<FEFFD83CDF0D>")]
    public void AlternativeTexts_AreLiteralWhenPlainAscii_ElseUtf16Hex(string text, string expected)
    {
        Assert.Equal(expected, StructureWriter.TextString(text));
    }

    /// Text objects and marked-content sequences nest: a sequence never opens inside a text
    /// object and closes outside it (PDFsharp's UAManager wrote "BT /Artifact BMC ET … EMC").
    [Fact]
    public void TextObjects_AndMarkedContent_NestProperly_OnEveryPage()
    {
        using var pdf = PdfDocument.Open(Render());
        foreach (var page in pdf.GetPages())
        {
            var open = new Stack<string>();
            var marked = 0;
            foreach (var op in page.Operations)
            {
                switch (op.Operator)
                {
                    case "BT":
                        open.Push("BT");
                        break;
                    case "ET":
                        Assert.True(open.Count > 0 && open.Pop() == "BT", $"page {page.Number}: ET closes a marked-content sequence");
                        break;
                    case "BDC" or "BMC":
                        open.Push("BMC");
                        marked++;
                        break;
                    case "EMC":
                        Assert.True(open.Count > 0 && open.Pop() == "BMC", $"page {page.Number}: EMC closes a text object");
                        break;
                }
            }
            Assert.Empty(open);
            Assert.True(marked > 0, $"page {page.Number} has no marked content");
        }
    }

    /// The structure is appended as an incremental update: every entry of its cross-reference
    /// table points at its object, and its trailer points back at PDFsharp's table. (A document
    /// with emoji is saved again by PDFsharp to mend its text maps, in one section: not this one.)
    [Fact]
    public void StructureUpdate_CrossReferences_PointAtTheirObjects()
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(new ContentDocument([H(1, "Emissions"), Para(Words(400, 2)), BigTable(80)]), Info(), DocumentTheme.Default, output);
        var bytes = output.ToArray();
        var text = Encoding.Latin1.GetString(bytes);
        var tables = XrefTable().Matches(text);
        Assert.Equal(2, tables.Count);
        var update = tables[^1];
        var entries = 0;
        foreach (Match section in Subsection().Matches(update.Groups[1].Value))
        {
            var first = int.Parse(section.Groups[1].Value, CultureInfo.InvariantCulture);
            var offsets = Entry().Matches(section.Groups[3].Value).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(int.Parse(section.Groups[2].Value, CultureInfo.InvariantCulture), offsets.Count);
            for (var i = 0; i < offsets.Count; i++)
                Assert.StartsWith($"{first + i} 0 obj", text[offsets[i]..], StringComparison.Ordinal);
            entries += offsets.Count;
        }
        Assert.True(entries > 50);
        var previous = int.Parse(Prev().Match(text, update.Index).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(tables[0].Index + 1, previous); // the match starts at the line break before "xref"
        Assert.Contains("/Type/StructTreeRoot", text[previous..update.Index], StringComparison.Ordinal); // defined by the update
    }

    /// A figure's /BBox is in page coordinates (from the bottom): it holds the words its chart draws.
    [Fact]
    public void FigureBoxes_HoldTheirChartsWords()
    {
        var bytes = Render(draft: false);
        var boxes = FigureBox().Matches(Encoding.Latin1.GetString(bytes))
            .Select(m => m.Groups[1].Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(PdfSamples.Charts().Count, boxes.Count);
        using var pdf = PdfDocument.Open(bytes);
        foreach (var chart in PdfSamples.Charts())
        {
            var word = chart.Title.Split(' ')[0];
            var found = pdf.GetPages().SelectMany(p => p.GetWords()).Where(w => w.Text == word).ToList();
            Assert.Contains(found, w => boxes.Any(b => w.BoundingBox.Left >= b[0] && w.BoundingBox.Bottom >= b[1] && w.BoundingBox.Right <= b[2] && w.BoundingBox.Top <= b[3]));
        }
    }

    [GeneratedRegex(@"\nxref\n(.*?)trailer", RegexOptions.Singleline)]
    private static partial Regex XrefTable();

    [GeneratedRegex(@"(\d+) (\d+)\n((?:\d{10} \d{5} [nf] ?\r?\n)+)")]
    private static partial Regex Subsection();

    [GeneratedRegex(@"(\d{10}) \d{5} n")]
    private static partial Regex Entry();

    [GeneratedRegex(@"/Prev (\d+)")]
    private static partial Regex Prev();

    [GeneratedRegex(@"/S/Figure[^>]*?/BBox\[([\d. ]+)\]")]
    private static partial Regex FigureBox();
}
