using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FinanceBuilder.Web.Tests.Annexes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Geography;

/// The location page's map as a commune officer sees it: drawn by the server from the sites'
/// coordinates and the attached map files, redrawn when a save changes them, and printed in
/// section A of the funding proposal and the SAP.
public sealed class LocationMapPageTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public LocationMapPageTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<XElement> SvgAsync(string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    [Fact]
    public async Task The_location_page_shows_the_sites_on_a_map_and_a_map_file_redraws_it()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "location"));

        var image = page.Get("figure.location-map img");
        Assert.StartsWith("Map of the project's locations in Ghana. 5 numbered sites", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(["Tamale Metropolis", "Tamale Central Market", "Aboabo Market"], page.Document.QuerySelectorAll("ol.map-sites li").Take(3).Select(li => li.TextContent));
        var plain = await SvgAsync(image.GetAttribute("src")!);
        Assert.DoesNotContain(plain.Elements(Svg + "path"), p => p.Attribute("fill-opacity") is not null);

        // A GeoJSON on the map annex row (15): a new address, and its area drawn.
        var attached = await browser.Client.AttachAsync(id, "15", ("tamale-sites.geojson", MapFixtures.TamaleGeoJson));
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var again = await browser.OpenAsync(Urls.Step(id, "location"));
        var redrawn = again.Get("figure.location-map img");
        Assert.NotEqual(image.GetAttribute("src"), redrawn.GetAttribute("src"));
        Assert.Contains("Map files drawn: tamale-sites.geojson", again.Get("figure.location-map").ParentElement!.TextContent, StringComparison.Ordinal);
        var withFile = await SvgAsync(redrawn.GetAttribute("src")!);
        Assert.Contains(withFile.Elements(Svg + "path"), p => p.Attribute("fill-opacity") is not null);
    }

    /// A map file keeps its places (one per feature) with its facts at upload; places outside
    /// the project's country are a warning that names the file, and the map still draws it.
    [Fact]
    public async Task A_map_file_with_places_outside_the_country_is_a_warning()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var togo = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[-0.8405,9.4012]}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[1.186,9.551]}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1.133,8.983],[1.15,9.0]]}}
            ]}
            """u8.ToArray();

        await browser.Client.AttachAsync(id, "15", ("markets-kara-sokode.geojson", togo));

        var (_, proposal) = await browser.StoredAsync(id);
        var file = Assert.Single(proposal.Annexes.Single(a => a.Number == "15").Files);
        Assert.Equal([(-0.8405m, 9.4012m), (1.186m, 9.551m), (1.133m, 8.983m)], file.Places.Select(p => (p.Longitude, p.Latitude)));
        using var report = JsonDocument.Parse(await browser.Client.GetStringAsync($"/api/proposals/{id}/validation"));
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "R-081");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.StartsWith("The map file markets-kara-sokode.geojson (annex 15) has 2 of its 3 places outside Ghana (GH), the project's country.", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_autosave_that_moves_a_site_answers_with_a_new_map_and_the_finding()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "location"));
        var before = page.Get("figure.location-map img").GetAttribute("src");
        var form = page.StepForm().Remove("action");
        var latitude = form.Names.First(n => n.EndsWith("locations[1].latitude", StringComparison.Ordinal));
        var longitude = form.Names.First(n => n.EndsWith("locations[1].longitude", StringComparison.Ordinal));
        var (lat, lon) = (form[latitude]!, form[longitude]!);

        var response = await browser.PostAsync(Urls.Autosave(id, "location"), form.Change(latitude, lon).Change(longitude, lat));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var live = json.RootElement.GetProperty("live");
        var panel = WizardBrowser.Parse(live.GetProperty("panel:locationMap").GetString()!);
        Assert.NotEqual(before, panel.QuerySelector("figure.location-map img")!.GetAttribute("src"));
        Assert.Contains("inside it with the latitude and the longitude swapped", live.GetProperty("side").GetString(), StringComparison.Ordinal);
        // The page equals a reload of it.
        var reloaded = await browser.OpenAsync(Urls.Step(id, "location"));
        Assert.Equal(panel.QuerySelector("figure.location-map img")!.GetAttribute("src"), reloaded.Get("figure.location-map img").GetAttribute("src"));
    }

    [Theory]
    [InlineData("gcf-funding-proposal", "en", "Map of the project's locations in Ghana: 1 Tamale Metropolis;")]
    [InlineData("gcf-sap", "en", "Map of the project's locations in Ghana: 1 Tamale Metropolis;")]
    [InlineData("gcf-funding-proposal", "fr", "Carte des lieux du projet au Ghana\u00a0: 1 Tamale Metropolis\u00a0;")]
    public async Task The_map_is_printed_in_section_A_of_the_pdf_and_the_docx(string pack, string language, string caption)
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template={pack}&lang={language}", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using (var pdfBytes = new MemoryStream())
        {
            zip.Entries.Single(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal) && !e.FullName.Contains("validation", StringComparison.Ordinal)).Open().CopyTo(pdfBytes);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes.ToArray());
            var page = Assert.Single(pdf.GetPages(), p => p.GetImages().Any());
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            var at = words.IndexOf(caption.Replace("\u00a0", " ", StringComparison.Ordinal).Split(' ')[0], StringComparison.Ordinal);
            Assert.True(at > 0);
            var pageText = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains("Natural", pageText, StringComparison.Ordinal);
        }
        using var docxBytes = new MemoryStream();
        zip.Entries.Single(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)).Open().CopyTo(docxBytes);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxBytes, false);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => d.Description?.Value?.StartsWith(language == "fr" ? "Carte des lieux" : "Map of the project", StringComparison.Ordinal) == true);
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(), p => p.InnerText.StartsWith(caption, StringComparison.Ordinal));
    }
}
