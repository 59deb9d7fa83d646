using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Documents;

/// A proposal written in Spanish, accepted at import, is never refused later: its documents are in
/// English by default (no template writes Spanish yet), in French when asked, and the proposal's
/// page, the package page and the command line say so.
public sealed class DocumentLanguageTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public DocumentLanguageTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// The Cuenca sample (Ecuador) as its authors would write it: in Spanish.
    private static string Spanish()
    {
        var proposal = JsonNode.Parse(Samples.ReadText("crosscutting-cuenca-watershed-bus.json"))!;
        proposal["language"] = "es";
        return proposal.ToJsonString();
    }

    /// The API's import says which language the documents will take, as the pages do.
    [Fact]
    public async Task ApiImport_SaysTheDocumentsLanguage()
    {
        using var spanish = new StringContent(Spanish(), System.Text.Encoding.UTF8, "application/json");
        using var french = new StringContent(Samples.ReadText("adaptation-cotonou-drainage-fr.json"), System.Text.Encoding.UTF8, "application/json");

        var es = await browser.Client.PostAsync("/api/proposals", spanish);
        var fr = await browser.Client.PostAsync("/api/proposals", french);

        Assert.Equal(HttpStatusCode.Created, es.StatusCode);
        Assert.Equal("en", es.Headers.GetValues("X-Documents-Language").Single());
        Assert.Equal("fr", fr.Headers.GetValues("X-Documents-Language").Single());
    }

    [Fact]
    public async Task Package_WithoutALanguage_IsInEnglish_AndFrenchWhenAsked()
    {
        var id = await browser.SeedJsonAsync(Spanish());

        var byDefault = await browser.Client.PostAsync($"/api/proposals/{id}/packages", null);
        var french = await browser.Client.PostAsync($"/api/proposals/{id}/packages?lang=fr", null);

        Assert.Equal(HttpStatusCode.OK, byDefault.StatusCode);
        Assert.Equal("en", Language(await byDefault.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.Equal("fr", Language(await french.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task TheProposalsPage_AndThePackagePage_SayWhichLanguageTheDocumentsTake()
    {
        var id = await browser.SeedJsonAsync(Spanish());
        var english = await browser.SeedSampleAsync("crosscutting-cuenca-watershed-bus.json");

        var tasks = await browser.OpenAsync($"/proposals/{id}");
        var package = await browser.OpenAsync($"/proposals/{id}/package");
        var other = await browser.OpenAsync($"/proposals/{english}");

        Assert.Contains("Documents are generated in English or French, not yet in Spanish", tasks.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet in", other.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("they are generated in English", package.Document.Body!.TextContent, StringComparison.Ordinal);
        // The radio button of the language the documents will take is the one chosen.
        var chosen = package.Document.QuerySelectorAll("input[name=lang]").Cast<IHtmlInputElement>().Single(i => i.IsChecked);
        Assert.Equal("en", chosen.Value);

        // The page's own form, posted as shown, gives the package.
        var form = FormFields.Read((IHtmlFormElement)package.Document.QuerySelector("main form[method=post]")!);
        form.Set("file", "zip");
        var response = await browser.PostAsync($"/proposals/{id}/package", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", Language(await response.Content.ReadAsByteArrayAsync()));
    }

    /// Never failing late: the check-answers page offers its previews, the preview is drawn in
    /// English and says why, and a donor it is submitted to reads the document beside the sheet.
    [Fact]
    public async Task ASpanishProposal_IsPreviewedInEnglish_AndTheDonorReadsItsSubmittedDocument()
    {
        var donor = await app.CreateOrganisationAsync("Donante", FinanceBuilder.Web.Data.Accounts.OrganisationKind.Donor);
        await app.CreateUserAsync("lector@donor.test", donor);
        var id = await browser.SeedJsonAsync(Spanish());

        var check = await browser.OpenAsync($"/proposals/{id}/check-answers");
        Assert.NotNull(check.Document.QuerySelector($"a[href='/proposals/{id}/preview/gcf-funding-proposal']"));
        var preview = await browser.OpenAsync($"/proposals/{id}/preview/gcf-funding-proposal");
        var article = preview.Document.QuerySelector("article.document-preview");
        Assert.NotNull(article);
        Assert.Equal("en", article!.GetAttribute("lang"));
        Assert.Contains("Documents are generated in English or French, not yet in Spanish", preview.Document.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id, [donor.ToString()])).StatusCode);
        Guid submission;
        using (var db = app.OpenDb())
            submission = db.Submissions.Where(s => s.ProposalId == id).Select(s => s.Id).Single();
        using var reviewer = await app.SignedInClientAsync("lector@donor.test");
        var html = await (await reviewer.GetAsync($"/review/{submission}/preview")).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Cuenca Water and Clean Buses", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notice--warning", html, StringComparison.Ordinal); // "could not be drawn"
    }

    [Fact]
    public async Task CommandLine_Import_SaysSo_AndPackageFallsBackToEnglish()
    {
        using var database = new TestDatabase();
        var folder = Directory.CreateTempSubdirectory("fb-es-").FullName;
        try
        {
            var file = Path.Combine(folder, "cuenca-es.json");
            await File.WriteAllTextAsync(file, Spanish());
            await Cli.CommandLineAccounts.EditorAsync(database);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            using var packageOut = new StringWriter();

            var imported = await CommandLine.RunAsync(["import", file, "--as", TestAccounts.DefaultEditor, .. database.CommandLineOptions], stdout, stderr);
            var packaged = await CommandLine.RunAsync(["package", file, "--out", folder, "--format", "json", .. database.CommandLineOptions], packageOut, TextWriter.Null);

            Assert.Equal(ExitCodes.Ok, imported);
            Assert.Contains("packages will be in 'en'", stderr.ToString(), StringComparison.Ordinal);
            Assert.True(packaged is ExitCodes.Ok or ExitCodes.Findings, $"exit {packaged}");
            var zip = JsonDocument.Parse(packageOut.ToString()).RootElement.GetProperty("package").GetProperty("zip").GetString()!;
            Assert.Equal("en", Language(await File.ReadAllBytesAsync(zip)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Language(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.GetProperty("language").GetString();
    }
}
