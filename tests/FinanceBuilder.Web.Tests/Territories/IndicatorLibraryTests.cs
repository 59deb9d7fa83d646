using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Tests.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Json.Schema;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Territories;

/// The shared library of territorial indicators as an organisation uses it: a file imported
/// whole or not at all, its values public on the territory's page, in the API and in the open
/// data, its own file exported back byte for byte; imported again under its name it replaces its
/// values; withdrawn, it is gone from everything. Another organisation cannot withdraw it.
public sealed class IndicatorLibraryTests : IClassFixture<CatalogueApp>, IDisposable
{
    private static readonly Lazy<JsonSchema> Profile = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Standards", "frictionless-2.0", "datapackage.json"))));

    private readonly AppFactory app;
    private readonly WizardBrowser browser;
    private readonly HttpClient reader;

    public IndicatorLibraryTests(CatalogueApp shared)
    {
        app = shared.App;
        browser = new WizardBrowser(app);
        reader = app.CreateBrowserClient();
    }

    public void Dispose()
    {
        browser.Dispose();
        reader.Dispose();
    }

    private static string Census(string place, string code, int population) =>
        "\uFEFF" + IndicatorClient.Header + "\r\n"
        + $"FB-POPULATION,GH,{code},{place},2021,{population},\"Ghana Statistical Service, 2021 census\",2021-09-22,CC-BY-4.0\r\n"
        + $"FB-POPULATION,GH,{code},{place},2010,233252,Ghana Statistical Service,2012-05-01,CC-BY-4.0\r\n"
        + $"FB-EXPOSED-SHARE,GH,{code},{place},2020,18.4,Hazard atlas,2021-01-15,CC0-1.0\r\n";

    [Fact]
    public async Task AFile_IsPublic_OnItsTerritoryPageApiAndOpenData_AndItsExportIsTheFileByteForByte()
    {
        var file = Census("Tamale", "GH-0816", 374744);
        var response = await browser.UploadValuesAsync("Census Tamale", file);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = app.DatasetId("Census Tamale");

        // The dataset's own file: the upload itself, byte-order mark and CRLF included.
        var export = await reader.GetAsync($"/open-data/territorial-indicators/datasets/{id}.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes(file), await export.Content.ReadAsByteArrayAsync());
        Assert.NotNull(export.Headers.ETag);

        // The place's page, for anyone: the latest value first, with its source; the older year beneath.
        var page = await reader.GetStringAsync("/territories/GH/GH-0816");
        var text = WizardBrowser.Parse(page).QuerySelector("main")!.TextContent;
        Assert.Contains("Tamale (Ghana)", text, StringComparison.Ordinal);
        Assert.Contains("374,744 people", text, StringComparison.Ordinal);
        Assert.Contains("Ghana Statistical Service, 2021 census", text, StringComparison.Ordinal);
        Assert.Contains("233,252", text, StringComparison.Ordinal);
        Assert.Contains("18.4 %", text, StringComparison.Ordinal);
        var french = app.CreateBrowserClient("fr");
        Assert.Contains("374\u202F744 personnes", WizardBrowser.Parse(await french.GetStringAsync("/territories/GH/GH-0816")).QuerySelector("main")!.TextContent.Replace('\u00A0', '\u202F'), StringComparison.Ordinal);

        // The country's page lists the place; the API gives the same values.
        Assert.Contains("/territories/GH/GH-0816", await reader.GetStringAsync("/territories/GH"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await reader.GetStringAsync("/api/public/territories/GH/GH-0816"));
        var values = json.RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(3, values.Count);
        Assert.Contains(values, v => v.GetProperty("valueText").GetString() == "374744" && v.GetProperty("year").GetInt32() == 2021);
        using var search = JsonDocument.Parse(await reader.GetStringAsync("/api/public/indicators/values?indicator=FB-EXPOSED-SHARE&country=GH"));
        Assert.Contains(search.RootElement.GetProperty("items").EnumerateArray(), v => v.GetProperty("valueText").GetString() == "18.4");

        // The open-data package: valid descriptor, every table valid against its schema.
        var descriptorText = await reader.GetStringAsync("/open-data/territorial-indicators/datapackage.json");
        using (var document = JsonDocument.Parse(descriptorText))
        {
            var result = Profile.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
        var descriptor = JsonNode.Parse(descriptorText)!.AsObject();
        var files = new Dictionary<string, string>();
        foreach (var resource in descriptor["resources"]!.AsArray())
        {
            var path = (string)resource!["path"]!;
            files[path] = await reader.GetStringAsync("/open-data/territorial-indicators/" + path);
        }
        Assert.Empty(TableCheck.Problems(descriptor, files));
        Assert.Contains($"{id},2,FB-POPULATION,GH,GH-0816,Tamale,2021,374744,\"Ghana Statistical Service, 2021 census\",2021-09-22,CC-BY-4.0", files["values.csv"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithOneBadRow_IsRefusedWhole_WithRowAndColumn_AndNothingIsStored()
    {
        var file = Census("Bolgatanga", "GH-1501", 139864).Replace(",18.4,", ",eighteen,", StringComparison.Ordinal);

        var response = await browser.UploadValuesAsync("Census Bolgatanga", file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Row 4, column value: “eighteen” is not a number", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.False(await db.IndicatorDatasets.AnyAsync(d => d.Name == "Census Bolgatanga"));
        Assert.False(await db.TerritoryIndicatorValues.AnyAsync(v => v.TerritoryCode == "GH-1501"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/territories/GH/GH-1501")).StatusCode);
    }

    [Fact]
    public async Task ImportedAgainUnderItsName_TheNewValuesReplaceTheOld_AndWithdrawnItIsGoneFromEverything()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadValuesAsync("Census Wa", Census("Wa", "GH-0701", 100000))).StatusCode);
        var id = app.DatasetId("Census Wa");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadValuesAsync("Census Wa", Census("Wa", "GH-0701", 120000))).StatusCode);
        Assert.Equal(id, app.DatasetId("Census Wa"));
        var page = await reader.GetStringAsync("/territories/GH/GH-0701");
        Assert.Contains("120,000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("100,000", page, StringComparison.Ordinal);

        // Someone of another organisation cannot withdraw it: it is not among theirs.
        var other = await app.CreateOrganisationAsync("Other commune", Web.Data.Accounts.OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@other.test", other);
        using (var stranger = new WizardBrowser(app))
        {
            await stranger.Client.SignInAsync("editor@other.test");
            var own = await stranger.OpenAsync("/catalogue/indicators");
            var form = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)own.Get("main form[action*='handler=Upload']"));
            form.Set("id", id.ToString());
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync("/catalogue/indicators?handler=Withdraw", form)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/open-data/territorial-indicators/datasets/{id}.csv")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.WithdrawDatasetAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync($"/open-data/territorial-indicators/datasets/{id}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/territories/GH/GH-0701")).StatusCode);
        Assert.DoesNotContain("GH-0701", await reader.GetStringAsync("/open-data/territorial-indicators/values.csv"), StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Equal(["imported", "replaced", "withdrawn"], await db.IndicatorImports.Where(l => l.DatasetId == id).OrderBy(l => l.Id).Select(l => l.Kind).ToListAsync());
    }

    [Fact]
    public async Task ADataPackageZip_IsReadThroughItsDescriptor()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var descriptor = new StreamWriter(archive.CreateEntry("datapackage.json").Open()))
                await descriptor.WriteAsync("""{ "name": "yendi", "resources": [ { "name": "values", "path": "data/values.csv" } ] }""");
            await using (var values = new StreamWriter(archive.CreateEntry("data/values.csv").Open()))
                await values.WriteAsync(Census("Yendi", "GH-0809", 117780).TrimStart('\uFEFF'));
        }

        var response = await browser.UploadValuesAsync("Census Yendi", zip.ToArray(), "yendi.zip");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("117,780", await reader.GetStringAsync("/territories/GH/GH-0809"), StringComparison.Ordinal);
    }
}
