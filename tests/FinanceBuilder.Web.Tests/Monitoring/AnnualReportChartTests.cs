using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Util;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// The annual performance report's progress charts over two reporting periods: an impact
/// indicator reported in 2025 and 2026 gets its line of actual against target, and the money
/// received in both years its curve against the amount approved, in the PDF (vector figures with
/// their alt text) and the DOCX (pictures with their description), in English and French; the
/// first year's report, one point each, draws none.
public sealed partial class AnnualReportChartTests : IDisposable
{
    private const string Indicator = "C1.1 Annual GHG emissions reduced by rooftop PV (tCO2e per year)";

    /// What each language's templates (templates/gcf-apr/*/b-results and d-financing) call the charts and their series.
    private sealed record Words(string IndicatorChart, string Actual, string Target, string CurveChart, string Received, string Approved);

    private static readonly Dictionary<string, Words> Languages = new()
    {
        ["en"] = new($"{Indicator}: actual against target", "Actual", "Target",
            "Disbursements received to date against the amount approved (USD)", "Received to date", "Approved"),
        ["fr"] = new($"{Indicator}\u00A0: réalisé et cible", "Réalisé", "Cible",
            "Décaissements reçus à ce jour au regard du montant approuvé (USD)", "Reçu à ce jour", "Approuvé"),
    };

    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AnnualReportChartTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// A round's indicators answered: the given values (by code), no value with a reason for the rest.
    private async Task ReportValuesAsync(Guid id, int year, Dictionary<string, string> values)
    {
        var (page, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/{year}", "round");
        foreach (var section in page.Document.QuerySelectorAll("section.monitoring-indicator"))
        {
            var code = section.Id!["indicator-".Length..];
            var value = section.QuerySelector("input[name$='.Value']")!.GetAttribute("name")!;
            var row = value[..^"Value".Length];
            if (values.TryGetValue(code, out var figure))
            {
                form.Set(row + "Value", figure);
                form.Set(row + "Source", "Verified meter readings");
            }
            else
            {
                form.Set(row + "MissingReason", "Works not started");
            }
        }
        Assert.Equal(values.Count, values.Keys.Count(code => page.Find($"#indicator-{code.Replace(".", "\\.", StringComparison.Ordinal)}") is not null));
        var response = await browser.PostAsync($"/proposals/{id}/reporting/{year}", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// One disbursement received, entered on the round's finances page.
    private async Task DisburseAsync(Guid id, int year, string receivedOn, string usd, string reference)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/{year}/finances", "finances");
        form.Set("Form.Disbursements[0].ReceivedOn", receivedOn);
        form.Set("Form.Disbursements[0].Instrument", "Grant");
        form.Set("Form.Disbursements[0].Usd", usd);
        form.Set("Form.Disbursements[0].Reference", reference);
        var response = await browser.PostAsync($"/proposals/{id}/reporting/{year}/finances", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// Approved, then two years reported: C1.1 (impact, IRMF core 1) and O1.1 (an outcome) both
    /// years, C1.2 (impact) only in 2026; USD 800,000 received in 2025 and 1,500,000 in 2026.
    private async Task<Guid> TwoYearsReportedAsync()
    {
        var id = await browser.ApprovedAsync();
        await ReportValuesAsync(id, 2025, new() { ["C1.1"] = "600", ["O1.1"] = "1,200" });
        await DisburseAsync(id, 2025, "2025-09-15", "800,000", "GCF transfer 2025-01");
        await ReportValuesAsync(id, 2026, new() { ["C1.1"] = "1,150", ["C1.2"] = "1,000", ["O1.1"] = "2,300" });
        await DisburseAsync(id, 2026, "2026-03-20", "1,500,000", "GCF transfer 2026-01");
        return id;
    }

    private async Task<byte[]> DownloadAsync(Guid id, int year, string file, string lang)
    {
        var response = await browser.Client.GetAsync($"/proposals/{id}/reporting/{year}/report?file={file}&lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// A chart of the PDF: the alt text of its Figure element and the words drawn in its form.
    private sealed record PdfFigure(string Alt, int Page, IReadOnlyList<UglyToad.PdfPig.Content.Word> Words, int Paths)
    {
        public string Text => string.Join(' ', Words.Select(w => w.Text));
    }

    /// The PDF's figures in reading order: the structure tree's Figure elements (written as plain
    /// objects at the end of the file) paired with the marked content they tag on the pages.
    private static (string Text, List<PdfFigure> Figures) ReadPdf(byte[] bytes)
    {
        var alts = FigureElement().Matches(Encoding.Latin1.GetString(bytes)).Select(m => TextString(m.Groups[1].Value)).ToList();
        using var pdf = PdfDocument.Open(bytes);
        var marked = pdf.GetPages()
            .SelectMany(p => p.GetMarkedContents().Where(m => m.Tag == "Figure").Select(m => (p.Number, Words: DefaultWordExtractor.Instance.GetWords(m.Letters).ToList(), Paths: m.Paths.Count)))
            .ToList();
        Assert.Equal(alts.Count, marked.Count);
        var text = Plain(string.Join("\n", pdf.GetPages().Select(p => p.Text)));
        return (text, alts.Select((alt, i) => new PdfFigure(alt, marked[i].Number, marked[i].Words, marked[i].Paths)).ToList());
    }

    /// Spaces as plain spaces: those kept with a figure (USD 800,000, 1 250) or before a French
    /// colon are no-break spaces.
    private static string Plain(string text) => Regex.Replace(text, @"\s+", " ");

    /// A PDF text string as StructureWriter writes it: (literal) or &lt;FEFF…&gt; UTF-16BE hex.
    private static string TextString(string token)
    {
        if (token.StartsWith('<'))
            return Encoding.BigEndianUnicode.GetString(Convert.FromHexString(token[5..^1]));
        return Regex.Replace(token[1..^1], @"\\(.)", "$1");
    }

    [GeneratedRegex(@"/Type/StructElem/S/Figure\b[^\n]*?/Alt (\((?:\\.|[^\\)])*\)|<FEFF[0-9A-F]*>)")]
    private static partial Regex FigureElement();

    /// The DOCX's charts: each inline picture named "Chart n", its description and its image.
    private static List<(string Description, string ContentType, byte[] Image)> ReadDocx(byte[] bytes)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = docx.MainDocumentPart!;
        return main.Document!.Body!.Descendants<DW.Inline>()
            .Where(i => i.DocProperties?.Name?.Value?.StartsWith("Chart ", StringComparison.Ordinal) == true)
            .Select(i =>
            {
                var part = main.GetPartById(i.Descendants<A.Blip>().Single().Embed!.Value!);
                using var stream = part.GetStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return (i.DocProperties!.Description!.Value!, part.ContentType, copy.ToArray());
            })
            .ToList();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task TwoYearsReported_TheReportDrawsTheImpactLine_AndTheDisbursementCurve(string lang)
    {
        var id = await TwoYearsReportedAsync();
        var words = Languages[lang];
        var culture = CultureInfo.GetCultureInfo(lang);
        string N(double v) => v.ToString("N0", culture);
        var (colon, semicolon) = lang == "fr" ? ("\u00A0:", "\u00A0;") : (":", ";"); // French spaces them

        var (text, figures) = ReadPdf(await DownloadAsync(id, 2026, "pdf", lang));
        var pictures = ReadDocx(await DownloadAsync(id, 2026, "docx", lang));

        // PDF: two figures, in the order of the report (B. results before D. financing), each
        // read out by its title and its figures year by year: C1.1's target is its baseline (0)
        // in 2025 and its mid-term target (1,200) in 2026; the money received adds up.
        Assert.Equal(
        [
            $"{words.IndicatorChart}. 2025{colon} {words.Actual} {N(600)}, {words.Target} {N(0)}{semicolon} 2026{colon} {words.Actual} {N(1150)}, {words.Target} {N(1200)}",
            $"{words.CurveChart}. 2025{colon} {words.Received} {N(800_000)}, {words.Approved} {N(8_365_000)}{semicolon} 2026{colon} {words.Received} {N(2_300_000)}, {words.Approved} {N(8_365_000)}",
        ], figures.Select(f => f.Alt));
        Assert.True(figures[0].Page < figures[1].Page, $"the indicator's chart (page {figures[0].Page}) comes before the disbursements' (page {figures[1].Page})");
        // Only C1.1 is charted: O1.1 is an outcome (read in its table), C1.2 has a single year.
        Assert.Equal(1, Regex.Count(text, Regex.Escape(Plain(words.IndicatorChart[Indicator.Length..]))));
        Assert.Contains(Plain(words.IndicatorChart), text, StringComparison.Ordinal);
        Assert.Contains(Plain(words.CurveChart), text, StringComparison.Ordinal);

        // What each figure draws as text: its title, the value axis (round ticks above the
        // highest value: 1,250 over the 1,200 target; 10M over the 8,365,000 approved), the
        // years left to right, and the legend of its two series; its lines are vector paths.
        var axes = lang == "en" ? new[] { "1,250 1,000 750 500 250 0", "10M 8M 6M 4M 2M 0" } : ["1 250 1 000 750 500 250 0", "10 M 8 M 6 M 4 M 2 M 0"];
        var titles = new[] { Plain(words.IndicatorChart), Plain(words.CurveChart) };
        var legends = new[] { new[] { words.Actual, words.Target }, [words.Received, words.Approved] };
        for (var i = 0; i < 2; i++)
        {
            var drawn = Plain(figures[i].Text);
            Assert.Contains(titles[i], drawn, StringComparison.Ordinal);
            Assert.Contains(axes[i], drawn, StringComparison.Ordinal);
            Assert.All(legends[i], name => Assert.Contains(name, drawn, StringComparison.Ordinal));
            var first = Assert.Single(figures[i].Words, w => w.Text == "2025");
            var second = Assert.Single(figures[i].Words, w => w.Text == "2026");
            Assert.True(first.BoundingBox.Left < second.BoundingBox.Left, $"{titles[i]}: 2025 is drawn right of 2026");
            Assert.DoesNotContain(figures[i].Words, w => w.Text == "2027");
            Assert.True(figures[i].Paths >= 8, $"{titles[i]}: {figures[i].Paths} paths, fewer than the axis's six rules and two lines");
        }

        // DOCX: the same two charts as pictures (PNG), described by their titles.
        Assert.Equal([words.IndicatorChart, words.CurveChart], pictures.Select(p => p.Description));
        Assert.All(pictures, p =>
        {
            Assert.Equal("image/png", p.ContentType);
            Assert.True(p.Image.Length > 1_000 && p.Image.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG image");
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task TheFirstYearsReport_HasOnePointEach_AndDrawsNoChart(string lang)
    {
        // Reported on afterwards: the 2026 values and money stay out of 2025's report.
        var id = await TwoYearsReportedAsync();
        var words = Languages[lang];

        var bytes = await DownloadAsync(id, 2025, "pdf", lang);
        var (text, figures) = ReadPdf(bytes);
        var pictures = ReadDocx(await DownloadAsync(id, 2025, "docx", lang));

        Assert.Empty(figures);
        Assert.DoesNotContain("/S/Figure", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain(Plain(words.IndicatorChart[Indicator.Length..]), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Plain(words.CurveChart), text, StringComparison.Ordinal);
        Assert.Empty(pictures);
        // The year's figures are still there, in their tables.
        Assert.Contains("GCF transfer 2025-01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GCF transfer 2026-01", text, StringComparison.Ordinal);
        Assert.Contains(lang == "en" ? "Received in 2025: USD 800,000" : "Reçu en 2025", text, StringComparison.Ordinal);
    }
}
