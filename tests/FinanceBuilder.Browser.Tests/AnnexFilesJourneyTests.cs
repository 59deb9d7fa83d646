using System.Globalization;
using System.Text;
using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// A commune officer attaches the annexes' files from the Annexes page, with and without
/// JavaScript: the file lands in its row, a renamed picture is refused with its reason, and the
/// page after the upload is the page a reload shows.
[Collection("browser")]
public sealed class AnnexFilesJourneyTests(Browsers browsers)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AttachFromTheAnnexesPage_TheFileIsListed_ARenamedPictureIsRefused(bool javaScript)
    {
        await using var setup = await browsers.NewContextAsync();
        var id = await LiveTruthTests.ImportAsync(await setup.NewPageAsync(), "mitigation-tamale-solar-led.json");
        await using var context = await browsers.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "annex-files-" + (javaScript ? "js" : "nojs")) { JavaScript = javaScript };

        await driver.GoAsync($"/proposals/{id}/annexes");
        await driver.NavigatingAsync(() => page.Locator($"a[href='/proposals/{id}/annexes/files']").ClickAsync());
        await LookAsync(driver, javaScript, "empty");

        var row = page.Locator("#annex-2");
        await row.Locator("input[name=files]").SetInputFilesAsync(new FilePayload { Name = "Feasibility study.pdf", MimeType = "application/pdf", Buffer = Pdf(3) });
        await SendAsync(driver, row, javaScript, ".notice");
        Assert.Contains("Files attached to annex 2: 1.", await page.Locator(".notice").TextContentAsync());
        Assert.Equal("Feasibility study.pdf", await page.Locator("#annex-2 a[download]").TextContentAsync());
        Assert.Contains("3 pages", await page.Locator("#annex-2 table").TextContentAsync());
        await LookAsync(driver, javaScript, "attached");
        // The page after the upload is the page a reload shows (tokens aside: text compared).
        Assert.Contains("done=attached", page.Url, StringComparison.Ordinal);
        var attached = await page.Locator("main").InnerTextAsync();
        await page.ReloadAsync();
        Assert.Equal(attached, await page.Locator("main").InnerTextAsync());

        // A picture named as a PDF: refused, said beside nothing kept. With JavaScript the answer
        // replaces the page without a navigation.
        row = page.Locator("#annex-3");
        await row.Locator("input[name=files]").SetInputFilesAsync(new FilePayload { Name = "model.pdf", MimeType = "application/pdf", Buffer = Png });
        await SendAsync(driver, row, javaScript, ".error-summary");
        Assert.Contains("model.pdf — This file is a PNG image, not a PDF as its name says.", await page.Locator(".error-summary").TextContentAsync());
        Assert.Equal(0, await page.Locator("#annex-3 a[download]").CountAsync());
        await LookAsync(driver, javaScript, "refused");

        // A GeoJSON of the sites on the map row: the location page's map draws it, as a picture
        // the browser loads from our own server (no map service), with or without JavaScript.
        row = page.Locator("#annex-15");
        await row.Locator("input[name=files]").SetInputFilesAsync(new FilePayload { Name = "sites.geojson", MimeType = "application/geo+json", Buffer = GeoJson });
        await SendAsync(driver, row, javaScript, ".notice");
        await driver.GoAsync($"/proposals/{id}/location");
        var map = page.Locator("figure.location-map img");
        await map.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.location-map img'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.StartsWith("Map of the project's locations in Ghana.", await map.GetAttributeAsync("alt"), StringComparison.Ordinal);
        Assert.Contains("sites.geojson", await page.Locator("figure.location-map + ol + p, figure.location-map ~ p").Last.TextContentAsync(), StringComparison.Ordinal);
        await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = driver.ScreenshotPath("location-map") });
        await LookAsync(driver, javaScript, "location");
    }

    private static readonly byte[] GeoJson = Encoding.UTF8.GetBytes("""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Lighting corridor"},"geometry":{"type":"LineString","coordinates":[[-0.86,9.38],[-0.85,9.42],[-0.84,9.46]]}},
          {"type":"Feature","properties":{"name":"District"},"geometry":{"type":"Polygon","coordinates":[[[-0.95,9.35],[-0.75,9.35],[-0.75,9.50],[-0.95,9.50],[-0.95,9.35]]]}}
        ]}
        """);

    /// axe needs the page's scripts: without JavaScript the page is only photographed.
    private static Task LookAsync(WizardDriver driver, bool javaScript, string name) =>
        javaScript ? driver.LookAsync(name) : driver.ScreenshotAsync(name);

    /// Presses the row's button: without JavaScript the browser posts and follows the redirect;
    /// with it the script sends the files and puts the answered page in place, without navigating.
    private static async Task SendAsync(WizardDriver driver, ILocator row, bool javaScript, string answered)
    {
        if (javaScript)
            await row.Locator("button[type=submit]").ClickAsync();
        else
            await driver.NavigatingAsync(() => row.Locator("button[type=submit]").ClickAsync());
        await driver.Page.Locator(answered).WaitForAsync();
    }

    /// A PDF of <paramref name="pages"/> blank pages.
    private static byte[] Pdf(int pages)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(3, pages).Select(n => $"{n} 0 R"))}] /Count {pages} >>",
        };
        objects.AddRange(Enumerable.Repeat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", pages));
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// A PNG's signature and header: enough to be recognised, never decoded.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
        0, 0, 0, 40, 0, 0, 0, 30, 8, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
}
