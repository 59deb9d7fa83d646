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

    /// The parent tree agrees with the tree and the pages: on every page the i-th marked-content
    /// sequence (MCID i) belongs to the element the parent tree names at i, and that element's /K
    /// points back at that page and MCID (readers that start from the content, such as Acrobat's
    /// reading of a selection, go this way; pdfinfo goes the other).
    [Fact]
    public void ParentTree_NamesForEachMcid_TheElementWhoseKPointsBack()
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(new ContentDocument([H(1, "Emissions"), Para(Words(600, 3)), BigTable(120), NestedList()]), Info(), DocumentTheme.Default, output);
        var bytes = output.ToArray();
        var text = Encoding.Latin1.GetString(bytes);
        // The last definition of an object wins (the update redefines the StructTreeRoot).
        var objects = new Dictionary<int, string>();
        foreach (Match m in ObjectText().Matches(text))
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        var pageObjects = objects.Where(o => o.Value.Contains("/Type/Page/", StringComparison.Ordinal))
            .ToDictionary(o => int.Parse(StructParents().Match(o.Value).Groups[1].Value, CultureInfo.InvariantCulture), o => o.Key);
        var parentTree = objects.Values.Single(v => v.StartsWith("<</Nums[", StringComparison.Ordinal));

        using var pdf = PdfDocument.Open(bytes);
        var checkedMarks = 0;
        foreach (Match entry in NumsEntry().Matches(parentTree))
        {
            var pageIndex = int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
            var elements = Reference().Matches(entry.Groups[2].Value).Select(r => int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            var page = pdf.GetPage(pageIndex + 1);
            var mcids = page.Operations.Where(o => o.Operator == "BDC").Count(o => Written(o).Contains("/MCID", StringComparison.Ordinal));
            Assert.Equal(elements.Count, mcids);
            for (var mcid = 0; mcid < elements.Count; mcid++)
            {
                var element = objects[elements[mcid]];
                var home = PageOf().Match(element) is { Success: true } pg ? int.Parse(pg.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
                // /K is the last entry: marked-content references, element references, and MCIDs on the element's own page.
                var k = element[(element.IndexOf("/K", StringComparison.Ordinal) + 2)..];
                var elsewhere = McrEntry().Matches(k).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
                var own = Regex.Matches(Reference().Replace(McrEntry().Replace(k, " "), " "), @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
                var pointsBack = (home == pageObjects[pageIndex] && own.Contains(mcid)) || elsewhere.Contains((pageObjects[pageIndex], mcid));
                Assert.True(pointsBack, $"page {pageIndex + 1}, MCID {mcid}: element {elements[mcid]} is {element}");
                checkedMarks++;
            }
        }
        Assert.True(checkedMarks > 200);
    }

    /// A bold symbol (the symbol font has no bold face) is simulated as PDFsharp does it, so it
    /// takes the width the layout measured: outlined in its own colour, 2 % of its size wide, with
    /// 2 % of its size between characters.
    [Fact]
    public void SimulatedBold_IsOutlinedInTheTextsColour_WithItsSpacing()
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(new ContentDocument([H(1, "Solar 🌍 plan"), Para("Plain text after it.")]), Info(), DocumentTheme.Default, output);
        using var pdf = PdfDocument.Open(output.ToArray());
        var lines = pdf.GetPage(1).Operations.Select(Written).ToList();
        string? fill = null, stroke = null, width = null, spacing = null, mode = null, size = null;
        var simulated = 0;
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts[^1])
            {
                case "rg": fill = string.Join(' ', parts[..^1]); break;
                case "RG": stroke = string.Join(' ', parts[..^1]); break;
                case "w": width = parts[0]; break;
                case "Tc": spacing = parts[0]; break;
                case "Tr": mode = parts[0]; break;
                case "Tf": size = parts[^2]; break;
                case "Tj" when mode == "2":
                    var em = double.Parse(size!, CultureInfo.InvariantCulture) * 0.02;
                    Assert.Equal(fill, stroke);
                    Assert.Equal(em, double.Parse(width!, CultureInfo.InvariantCulture), 3);
                    Assert.Equal(em, double.Parse(spacing!, CultureInfo.InvariantCulture), 3);
                    simulated++;
                    break;
                case "Tj":
                    Assert.True(spacing is null or "0", "spacing left over after simulated bold");
                    break;
            }
        }
        Assert.True(simulated > 0, "the heading's symbol is drawn in simulated bold");
    }

    private static string Written(UglyToad.PdfPig.Graphics.Operations.IGraphicsStateOperation operation)
    {
        using var stream = new MemoryStream();
        operation.Write(stream);
        return Encoding.Latin1.GetString(stream.ToArray()).Trim();
    }

    [GeneratedRegex(@"(?<=\n)(\d+) 0 obj\n(.*?)\nendobj", RegexOptions.Singleline)]
    private static partial Regex ObjectText();

    [GeneratedRegex(@"/StructParents (\d+)")]
    private static partial Regex StructParents();

    [GeneratedRegex(@"(\d+)\[([^\]]*)\]")]
    private static partial Regex NumsEntry();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex Reference();

    [GeneratedRegex(@"/Pg (\d+) 0 R")]
    private static partial Regex PageOf();

    [GeneratedRegex(@"<</Type/MCR/Pg (\d+) 0 R/MCID (\d+)>>")]
    private static partial Regex McrEntry();

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
