using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Documents;

/// The funding package as users get it: from the API, from the wizard's "generate the package"
/// page, and from the command line — every file present, fingerprinted in manifest.json, a draft
/// when the proposal has errors and clean otherwise.
public sealed class PackageTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PackageTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    public static TheoryData<string, string, string> PacksAndLanguages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var pack in new[] { "gcf-funding-proposal", "gcf-concept-note", "gcf-sap" })
        {
            data.Add("mitigation-tamale-solar-led.json", pack, "en");
            data.Add("adaptation-cotonou-drainage-fr.json", pack, "fr");
        }
        data.Add("crosscutting-cuenca-watershed-bus.json", "gcf-funding-proposal", "fr");
        return data;
    }

    [Theory]
    [MemberData(nameof(PacksAndLanguages))]
    public async Task Api_GivesTheWholePackage_WithAFingerprintPerFile(string sample, string pack, string lang)
    {
        var id = await browser.SeedSampleAsync(sample);

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template={pack}&lang={lang}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(7, names.Count);
        Assert.Contains("manifest.json", names);
        Assert.Single(names, n => n.EndsWith(".pdf", StringComparison.Ordinal) && !n.Contains("validation", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith("-budget.xlsx", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith("-proposal.json", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith("-validation-report.pdf", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith("-validation-report.json", StringComparison.Ordinal));

        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(pack, root.GetProperty("template").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("template").GetProperty("version").GetString()));
        Assert.Equal(lang, root.GetProperty("language").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(6, files.Count);
        foreach (var file in files)
        {
            var bytes = Read(zip, file.GetProperty("name").GetString()!);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
        }
        // The proposal file is the saved proposal, byte for byte.
        Assert.Equal(await browser.StoredDocumentAsync(id), System.Text.Encoding.UTF8.GetString(Read(zip, names.Single(n => n.EndsWith("-proposal.json", StringComparison.Ordinal)))));

        var draft = root.GetProperty("draft").GetBoolean();
        Assert.Equal(draft ? "true" : "false", response.Headers.GetValues("X-Package-Draft").Single());
        var pdfBytes = Read(zip, names.Single(n => n.EndsWith(".pdf", StringComparison.Ordinal) && !n.Contains("validation", StringComparison.Ordinal)));
        using var pdf = PdfDocument.Open(pdfBytes);
        Assert.Equal(root.GetProperty("document").GetProperty("pages").GetInt32(), pdf.NumberOfPages);
        var draftWord = lang == "fr" ? "BROUILLON" : "DRAFT";
        var total = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages())
        {
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains(lang == "fr" ? $"Page {page.Number} sur {total}" : $"Page {page.Number} of {total}", text, StringComparison.Ordinal);
            Assert.Equal(draft, text.Contains(draftWord, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("en", "DRAFT")]
    [InlineData("fr", "BROUILLON")]
    public async Task Api_ProposalWithErrors_IsADraft_OnEveryPage(string lang, string mark)
    {
        // The samples have no error; without a country of implementation one has an error (R-002).
        var json = System.Text.Json.Nodes.JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        json["basics"]!["countries"] = new System.Text.Json.Nodes.JsonArray();
        var id = await browser.SeedJsonAsync(json.ToJsonString());

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang={lang}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("X-Package-Draft").Single());
        var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.All(zip.Entries.Where(e => e.FullName != "manifest.json"), e => Assert.Contains("-" + mark + "-", e.FullName.Replace(".", "-", StringComparison.Ordinal), StringComparison.Ordinal));
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            using var pdf = PdfDocument.Open(Read(zip, entry.FullName));
            Assert.All(pdf.GetPages(), page => Assert.Contains(mark, string.Join(" ", page.GetWords().Select(w => w.Text)), StringComparison.Ordinal));
        }
        var docx = Read(zip, zip.Entries.Single(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)).FullName);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.All(word.MainDocumentPart!.HeaderParts, header => Assert.Contains(mark, header.Header!.InnerText, StringComparison.Ordinal));
        var xlsx = Read(zip, zip.Entries.Single(e => e.FullName.EndsWith(".xlsx", StringComparison.Ordinal)).FullName);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.All(workbook.WorkbookPart!.WorksheetParts, sheet => Assert.Contains(mark, sheet.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>()?.OddHeader?.Text ?? "", StringComparison.Ordinal));
        using var report = JsonDocument.Parse(Read(zip, zip.Entries.Single(e => e.FullName.EndsWith("-validation-report.json", StringComparison.Ordinal)).FullName));
        Assert.Contains(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "R-002");
    }

    [Fact]
    public async Task Api_WithoutTemplateOrLanguage_UsesTheProposalsOwn()
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        Assert.Equal("fr", manifest.RootElement.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("?template=no-such-pack&lang=en", HttpStatusCode.BadRequest, "no-such-pack")]
    [InlineData("?template=gcf-concept-note&lang=de", HttpStatusCode.BadRequest, "de")]
    public async Task Api_BadChoice_IsAClearProblem(string query, HttpStatusCode status, string named)
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages{query}", null);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownProposal_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.PostAsync($"/api/proposals/{Guid.NewGuid()}/packages?template=gcf-concept-note", null)).StatusCode);

    [Theory]
    [InlineData("zip", "application/zip", ".zip")]
    [InlineData("pdf", "application/pdf", ".pdf")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "-budget.xlsx")]
    public async Task Page_DownloadsTheChosenFile(string file, string contentType, string ending)
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");
        var check = await browser.OpenAsync(Urls.CheckAnswers(id));
        var page = await browser.OpenAsync(check.Get($"a[href='/proposals/{id}/package']").GetAttribute("href")!);
        var form = FormFields.Read((IHtmlFormElement)page.Get("main form[method=post]"));
        Assert.Equal("fr", form["lang"]);
        form.Set("template", "gcf-concept-note").Set("file", file);

        var response = await browser.PostAsync($"/proposals/{id}/package", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var name = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        Assert.StartsWith("CN-", name, StringComparison.Ordinal);
        Assert.EndsWith(ending, name, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9-]+(\\.zip|\\.pdf|\\.docx|\\.xlsx)$", name);
    }

    [Fact]
    public async Task Page_SaysDraftBeforeTheDownload_AndOffersEveryPack()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var report = await browser.Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/validation");

        var page = await browser.OpenAsync($"/proposals/{id}/package");

        var packs = page.Document.QuerySelectorAll("input[name=template]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["gcf-concept-note", "gcf-funding-proposal", "gcf-ppf", "gcf-sap"], packs.Order(StringComparer.Ordinal));
        // The pack of the proposal's type of application comes first, chosen.
        Assert.Equal(packs[0], page.Get("input[name=template][checked]").GetAttribute("value"));
        Assert.Equal(report.GetProperty("hasErrors").GetBoolean(), page.Find(".notice--warning") is not null);
        // Each template's limits as the rules apply them: the SAP's is one or the other.
        var text = System.Text.RegularExpressions.Regex.Replace(page.Text, @"\s+", " ");
        Assert.Contains("GCF concept note — at most 12 pages", text, StringComparison.Ordinal);
        Assert.Contains("at most 20 pages or at most 10,000 words", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PostWithoutToken_IsRefused()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var page = await browser.OpenAsync($"/proposals/{id}/package");
        var form = FormFields.Read((IHtmlFormElement)page.Get("main form[method=post]")).Set("file", "zip").Remove("__RequestVerificationToken");

        var response = await browser.PostAsync($"/proposals/{id}/package", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_UnknownFileKind_ShowsAMessage_InTheUsersLanguage()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var page = await browser.OpenAsync($"/proposals/{id}/package");
        var form = FormFields.Read((IHtmlFormElement)page.Get("main form[method=post]")).Set("file", "exe");

        var response = await browser.PostAsync($"/proposals/{id}/package", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await WizardPage.ReadAsync(response);
        Assert.NotNull(shown.Find("[role=alert]"));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
