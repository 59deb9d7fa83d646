using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Storage;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Annexes;

/// Attaching files to annex rows as a commune officer does without JavaScript: recognised from
/// their content, kept once per content, listed by the proposal, frozen with a submitted
/// version, shipped in the package, and never reachable by another organisation.
public sealed class AnnexFilesTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AnnexFilesTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<(int Files, int Contents)> CountAsync()
    {
        using var db = app.OpenDb();
        return (await db.AnnexFiles.CountAsync(), await db.StoredBlobs.CountAsync());
    }

    [Fact]
    public async Task Attach_Pdf_IsListed_Recognised_AndDownloadsAsAnAttachment()
    {
        var id = await browser.SeedSampleAsync(Sample);
        // Several pieces of the database store and a short last one: the download is their sum.
        var pdf = UploadFixtures.PdfOfSize(3 * DatabaseBlobStore.ChunkBytes + 5_000);

        var response = await browser.Client.AttachAsync(id, "2", ("Feasibility study.PDF", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/annexes/files?done=attached&count=1&annex=2#annex-2", response.Headers.Location!.OriginalString);
        var file = Assert.Single((await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files);
        Assert.Equal((FileKind.Pdf, 1, (long)pdf.Length, Convert.ToHexStringLower(SHA256.HashData(pdf)), "Feasibility study.PDF"),
            (file.Kind!.Value, file.Pages!.Value, file.Bytes!.Value, file.Sha256, file.Name));

        var page = await browser.OpenAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Files attached to annex 2: 1.", page.Get(".notice").TextContent);
        var link = page.Get("#annex-2 a[download]");
        Assert.Equal("Feasibility study.PDF", link.TextContent);

        var download = await browser.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Package_CarriesTheFile_AndItsAnnexListSaysAttached_WithItsPages()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var pdf = UploadFixtures.PdfOfSize(8_000);
        await browser.Client.AttachAsync(id, "2", ("study.pdf", pdf));

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang=en", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var annex = Assert.Single(zip.Entries, e => e.FullName.StartsWith("annexes/", StringComparison.Ordinal));
        Assert.Equal("annexes/02-feasibility-study-study.pdf", annex.FullName);
        // The annex list's cell, as the DOCX holds it: the file's name, then its pages (the count and
        // its word joined by a no-break space).
        var docx = zip.Entries.Single(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal));
        using var bytes = new MemoryStream();
        docx.Open().CopyTo(bytes);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(bytes, false);
        var cells = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Attached: study.pdf, 1\u00A0page", cells);
    }

    /// A picture attached to the theory-of-change row is drawn in B.2 of the PDF and the DOCX,
    /// at the text's width, with its caption and alternative text; the preview shows it too.
    [Fact]
    public async Task APictureOfTheTheoryOfChange_IsDrawnInItsSection_OfThePdfTheDocxAndThePreview()
    {
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "16", ("theory-of-change.png", UploadFixtures.RealPng(1200, 600)));

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang=en", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        const string caption = "Theory of change diagram (annex 16)";
        using (var pdfBytes = new MemoryStream())
        {
            zip.Entries.Single(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal) && !e.FullName.Contains("validation", StringComparison.Ordinal)).Open().CopyTo(pdfBytes);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes.ToArray());
            // The page of the picture (section A's page has the location map's).
            var page = pdf.GetPages().Single(p => p.GetImages().Any() && string.Join(" ", p.GetWords().Select(w => w.Text)).Contains(caption, StringComparison.Ordinal));
            // In B.2, after its narrative and before B.3 (the last mention of each heading is the
            // section itself; the first, the table of contents).
            var all = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            var at = all.IndexOf(caption, StringComparison.Ordinal);
            Assert.True(all.LastIndexOf("B.2 Theory of change", StringComparison.Ordinal) < at && at < all.LastIndexOf("B.3 Project", StringComparison.Ordinal));
            Assert.Equal(Templates.Rendering.DocumentTheme.Default.ContentWidth, Assert.Single(page.GetImages()).BoundingBox.Width, 1);
        }
        using (var docxBytes = new MemoryStream())
        {
            zip.Entries.Single(e => e.FullName.EndsWith(".docx", StringComparison.Ordinal)).Open().CopyTo(docxBytes);
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxBytes, false);
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => d.Description == "Theory of change diagram");
            Assert.Contains(caption, body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        }

        // The page's policy lets the browser show a data: picture (and only pictures).
        var policy = (await browser.Client.GetAsync($"/proposals/{id}/preview/gcf-funding-proposal")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data:;", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self';", policy, StringComparison.Ordinal);
        var preview = await browser.OpenAsync($"/proposals/{id}/preview/gcf-funding-proposal");
        // The theory of change's picture, after the location map's.
        var image = preview.Document.QuerySelectorAll("figure.picture img").Single(i => i.GetAttribute("alt") == "Theory of change diagram");
        Assert.StartsWith("data:image/png;base64,", image.GetAttribute("src"), StringComparison.Ordinal);
    }

    /// An organisation chart is drawn with the implementation arrangements: B.4 of the funding
    /// proposal, C.3 of the French SAP, after their text and before the table that follows it.
    [Theory]
    [InlineData("gcf-funding-proposal", "en", "Organisation chart (annex 17)", "B.4 Implementation arrangements", "Arrangement Description")]
    [InlineData("gcf-sap", "fr", "Organigramme (annexe 17)", "C.3 Modalités de mise en œuvre", "Entité d’exécution Type Rôle")]
    public async Task AnOrganisationChart_IsDrawnWithTheImplementationArrangements(string pack, string lang, string caption, string heading, string next)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Samples.ReadText(Sample))!;
        json["annexes"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["number"] = "17", ["type"] = "organisationChart", ["status"] = "final" });
        var id = await browser.SeedJsonAsync(json.ToJsonString());
        await browser.Client.AttachAsync(id, "17", ("organigramme.png", UploadFixtures.RealPng(900, 600)));

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template={pack}&lang={lang}", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var pdfBytes = new MemoryStream();
        zip.Entries.Single(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal) && !e.FullName.Contains("validation", StringComparison.Ordinal)).Open().CopyTo(pdfBytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes.ToArray());
        var page = pdf.GetPages().Single(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Contains(caption, StringComparison.Ordinal));
        Assert.Contains(page.GetImages(), i => Math.Abs(i.BoundingBox.Width - Templates.Rendering.DocumentTheme.Default.ContentWidth) < 1);
        var all = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var at = all.IndexOf(caption, StringComparison.Ordinal);
        Assert.True(all.LastIndexOf(heading, StringComparison.Ordinal) < at, $"The chart comes after {heading}.");
        Assert.True(at < all.IndexOf(next, at, StringComparison.Ordinal), $"The chart comes before “{next}”.");
    }

    [Theory]
    [InlineData("en", "photo.pdf", "This file is a PNG image, not a PDF as its name says.")]
    [InlineData("fr", "photo.pdf", "Ce fichier est une image PNG, et non un PDF comme l’indique son nom.")]
    public async Task Attach_FileThatIsNotWhatItsNameSays_IsRefused_InTheReadersLanguage_AndNothingIsKept(string language, string name, string message)
    {
        using var reader = new WizardBrowser(app, language);
        var id = await reader.SeedSampleAsync(Sample);
        var version = await reader.StoredVersionAsync(id);

        var response = await reader.Client.AttachAsync(id, "2", (name, UploadFixtures.Png(40, 30)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AnnexFilesClient.ReadAsync(response);
        Assert.Contains(message, page.Get(".error-summary").TextContent);
        Assert.Equal(version, await reader.StoredVersionAsync(id));
        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task Attach_HtmlPage_IsRefused()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.Client.AttachAsync(id, "2", ("map.geojson", "<!DOCTYPE html><script>alert(1)</script>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task SameFileTwice_TakesItsSpaceOnce_AndOtherDocumentsBecomeAnnexRowsOfTheirOwn()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var pdf = UploadFixtures.PdfOfSize(20_000);
        var rows = (await browser.StoredAsync(id)).Proposal.Annexes.Count;

        await browser.Client.AttachAsync(id, "2", ("study.pdf", pdf));
        var other = await browser.Client.AttachAsync(id, null, ("Letter of support.pdf", pdf), ("site.png", UploadFixtures.Png(800, 600)));

        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal((3, 2), await CountAsync());
        var annexes = (await browser.StoredAsync(id)).Proposal.Annexes;
        Assert.Equal(rows + 2, annexes.Count);
        Assert.Equal("Letter of support", annexes[^2].Title);
        Assert.Equal((800, 600), (annexes[^1].Files[0].Width!.Value, annexes[^1].Files[0].Height!.Value));
    }

    [Fact]
    public async Task ReplaceAndRemove_AreInTheAuditTrail_AndForgetWhatNothingNeeds()
    {
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "2", ("v1.pdf", UploadFixtures.PdfOfSize(10_000, 1)));
        var first = (await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files[0].Id;

        var replaced = await browser.Client.ReplaceAsync(id, first, "v2.pdf", UploadFixtures.PdfOfSize(10_000, 2));

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var second = Assert.Single((await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files);
        Assert.Equal("v2.pdf", second.Name);
        Assert.Equal((1, 1), await CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/proposals/{id}/annexes/files/{first}")).StatusCode);

        var removed = await browser.Client.RemoveAsync(id, second.Id);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files);
        Assert.Equal((0, 0), await CountAsync());
        using var db = app.OpenDb();
        var trail = await db.AuditEvents.Where(e => e.ProposalId == id && e.Section == "annexes").Select(e => e.Summary).ToListAsync();
        Assert.Equal(3, trail.Count);
        Assert.Contains(trail, s => s.Contains("v1.pdf", StringComparison.Ordinal) && s.Contains("v2.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submission_FreezesItsFiles_InItsPackage_AndADonorItIsSharedWithGetsThoseOnly()
    {
        var donor = await app.CreateOrganisationAsync("Green donor", OrganisationKind.Donor);
        await app.CreateUserAsync("reviewer@donor.test", donor);
        var id = await browser.SeedSampleAsync(Sample);
        var original = UploadFixtures.PdfOfSize(30_000, 1);
        await browser.Client.AttachAsync(id, "1", ("No objection.pdf", original));
        var frozen = (await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "1").Files[0].Id;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id, [donor.ToString()])).StatusCode);

        await browser.Client.ReplaceAsync(id, frozen, "No objection signed.pdf", UploadFixtures.PdfOfSize(30_000, 2));
        var draft = (await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "1").Files[0].Id;

        // V.001 keeps the file it had, in its package and on its own.
        var package = await browser.Client.GetAsync($"/proposals/{id}/versions/1/package");
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        using (var zip = new ZipArchive(await package.Content.ReadAsStreamAsync()))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("annexes/", StringComparison.Ordinal));
            Assert.Equal("annexes/01-no-objection-letter-No-objection.pdf", entry.FullName);
            using var read = new MemoryStream();
            entry.Open().CopyTo(read);
            Assert.Equal(original, read.ToArray());
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == entry.FullName);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), listed.GetProperty("sha256").GetString());
            Assert.Equal(("1", "pdf", original.Length), (listed.GetProperty("annex").GetString(), listed.GetProperty("kind").GetString(), listed.GetProperty("bytes").GetInt32()));
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/proposals/{id}/annexes/files/{frozen}")).StatusCode);

        using var reviewer = await app.SignedInClientAsync("reviewer@donor.test");
        Assert.Equal(original, await (await reviewer.GetAsync($"/proposals/{id}/annexes/files/{frozen}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/proposals/{id}/annexes/files/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(AnnexFilesClient.Page(id))).StatusCode);
        // The review workspace's package link gives the same package, files included (its
        // manifest lists them: without them it would contradict itself).
        var (submission, packageName) = await FirstSubmissionAsync(id);
        var reviewed = await reviewer.GetAsync($"/review/{submission}/files/{Uri.EscapeDataString(packageName)}");
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        using (var zip = new ZipArchive(await reviewed.Content.ReadAsStreamAsync()))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("annexes/", StringComparison.Ordinal));
            using var read = new MemoryStream();
            entry.Open().CopyTo(read);
            Assert.Equal(original, read.ToArray());
        }

        // Deleting the proposal keeps the version's file and nothing else.
        using (var db = app.OpenDb())
            Assert.Equal(2, await db.AnnexFiles.CountAsync(f => f.ProposalId == id));
        var delete = await browser.Client.DeleteAsync($"/api/proposals/{id}");
        Assert.True(delete.IsSuccessStatusCode, $"DELETE answered {(int)delete.StatusCode}");
        using (var db = app.OpenDb())
        {
            Assert.Equal([Guid.ParseExact(frozen, "N")], await db.AnnexFiles.Where(f => f.ProposalId == id).Select(f => f.Id).ToListAsync());
            // Kept for the record, marked as of a deleted proposal (README, "Deleting a proposal").
            Assert.True(await db.SubmissionPackages.Where(p => p.ProposalId == id).Select(p => p.ProposalDeleted).SingleAsync());
        }
        Assert.Equal((1, 1), await CountAsync());
        // …and reached by nobody: not the applicant, not the donor it was shared with (issue 19).
        foreach (var client in new[] { browser.Client, reviewer })
        {
            foreach (var url in new[] { $"/proposals/{id}/versions/1/package", $"/proposals/{id}/versions/1", $"/proposals/{id}/annexes/files/{frozen}" })
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
    }

    private async Task<(Guid Submission, string PackageName)> FirstSubmissionAsync(Guid proposal)
    {
        using var db = app.OpenDb();
        var submission = await db.Submissions.Where(s => s.ProposalId == proposal && s.Number == 1).Select(s => s.Id).SingleAsync();
        var name = await db.SubmissionPackages.Where(p => p.SubmissionId == submission).Select(p => p.FileName).SingleAsync();
        return (submission, name);
    }

    /// The uploader is told reviewers are warned of a PDF that runs JavaScript: the review page
    /// says so beside the file, in the reader's language, and the package's manifest lists it.
    [Fact]
    public async Task APdfWithJavaScript_IsFlaggedToTheReviewer_AndInTheManifest()
    {
        var donor = await app.CreateOrganisationAsync("Careful donor", OrganisationKind.Donor);
        await app.CreateUserAsync("careful@donor.test", donor);
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "2", ("Feasibility.pdf", UploadFixtures.Pdf("/OpenAction 4 0 R ", "<< /S /JavaScript /JS (app.alert(1)) >>")));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id, [donor.ToString()])).StatusCode);
        var (submission, packageName) = await FirstSubmissionAsync(id);

        using var reviewer = await app.SignedInClientAsync("careful@donor.test");
        var page = await (await reviewer.GetAsync($"/review/{submission}")).Content.ReadAsStringAsync();
        Assert.Contains("Feasibility.pdf", page, StringComparison.Ordinal);
        Assert.Contains("this PDF contains JavaScript. Open it in a viewer that does not run scripts.", page, StringComparison.Ordinal);

        using var zip = new ZipArchive(await (await reviewer.GetAsync($"/review/{submission}/files/{Uri.EscapeDataString(packageName)}")).Content.ReadAsStreamAsync());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.TryGetProperty("annex", out var annex) && annex.GetString() == "2");
        Assert.Equal(["pdfJavaScript"], listed.GetProperty("cautions").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    /// A donor reviewing a shared version sees its pictures in the preview, as the applicant did.
    [Fact]
    public async Task ADonorsPreviewOfASharedVersion_ShowsItsFrozenPicture()
    {
        var donor = await app.CreateOrganisationAsync("Picture donor", OrganisationKind.Donor);
        await app.CreateUserAsync("pictures@donor.test", donor);
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "16", ("theory-of-change.png", UploadFixtures.RealPng(600, 300)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id, [donor.ToString()])).StatusCode);
        Guid submission;
        using (var db = app.OpenDb())
            submission = await db.Submissions.Where(s => s.ProposalId == id).Select(s => s.Id).SingleAsync();

        using var reviewer = await app.SignedInClientAsync("pictures@donor.test");
        var html = await (await reviewer.GetAsync($"/review/{submission}/preview")).Content.ReadAsStringAsync();

        Assert.Matches("<img alt=\"Theory of change diagram\" width=\"[0-9]+\" height=\"[0-9]+\" src=\"data:image/png;base64,", html);
        Assert.Contains("<figcaption>Theory of change diagram (annex 16)</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOrganisation_GetsNotFound_OnEveryAddress()
    {
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "2", ("study.pdf", UploadFixtures.PdfOfSize(5_000)));
        var file = (await browser.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files[0].Id;
        var other = await app.CreateOrganisationAsync("Another commune", OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@other.test", other);
        using var stranger = await app.SignedInClientAsync("editor@other.test");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(AnnexFilesClient.Page(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/proposals/{id}/annexes/files/{file}")).StatusCode);
        var ownId = await new WizardBrowser(app).SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/proposals/{ownId}/annexes/files/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.RemoveAsync(id, file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.AttachAsync(id, "2", ("x.pdf", UploadFixtures.PdfOfSize(5_000, 9)))).StatusCode);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task ProposalFileClaimingFiles_KeepsOnlyItsOwnStoredFiles_WithTheirTrueFacts()
    {
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "2", ("study.pdf", UploadFixtures.PdfOfSize(5_000)));
        var document = System.Text.Json.Nodes.JsonNode.Parse(await browser.StoredDocumentAsync(id))!;
        var annexes = document["annexes"]!.AsArray();
        var real = annexes.Single(a => (string?)a!["number"] == "2")!["files"]![0]!;
        real["name"] = "forged.pdf";
        real["pages"] = 400;
        annexes[0]!["files"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"id":"0123456789abcdef0123456789abcdef","name":"invented.pdf","kind":"pdf","bytes":1}]""");

        var imported = await browser.SeedJsonAsync(document.ToJsonString());

        Assert.All((await browser.StoredAsync(imported)).Proposal.Annexes, a => Assert.Empty(a.Files));
        var version = await browser.StoredVersionAsync(id);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{id}") { Content = new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        Assert.True((await browser.Client.SendAsync(put)).IsSuccessStatusCode);
        var stored = (await browser.StoredAsync(id)).Proposal.Annexes;
        Assert.Empty(stored[0].Files);
        var kept = Assert.Single(stored.Single(a => a.Number == "2").Files);
        Assert.Equal(("study.pdf", 1), (kept.Name, kept.Pages!.Value));
    }

    [Fact]
    public async Task Collection_KeepsWhatTheStoredDocumentLists_AndForgetsAFileDroppedWithItsRow()
    {
        var id = await browser.SeedSampleAsync(Sample);
        await browser.Client.AttachAsync(id, "2", ("study.pdf", UploadFixtures.PdfOfSize(5_000)));
        async Task CollectAsync()
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Data.AccessScope>().ActAsSystem();
            await scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Storage.AnnexFileCollector>().CollectAsync(id, CancellationToken.None);
        }

        await CollectAsync();
        Assert.Equal((1, 1), await CountAsync());

        // The API drops the row (and its file with it): the next collection forgets the file.
        var document = System.Text.Json.Nodes.JsonNode.Parse(await browser.StoredDocumentAsync(id))!;
        var annexes = document["annexes"]!.AsArray();
        annexes.Remove(annexes.Single(a => (string?)a!["number"] == "2"));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{id}") { Content = new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{await browser.StoredVersionAsync(id)}\""));
        Assert.True((await browser.Client.SendAsync(put)).IsSuccessStatusCode);
        await CollectAsync();
        Assert.Equal((0, 0), await CountAsync());
    }

    [Fact]
    public async Task MoreFilesThanOnePostTakes_AreRefusedTogether_WithTheReason()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var files = Enumerable.Range(1, 11).Select(i => ($"part-{i}.pdf", UploadFixtures.PdfOfSize(2_000, i))).ToArray();

        var response = await browser.Client.AttachAsync(id, "2", files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("At most 10 files can be sent at once.", (await AnnexFilesClient.ReadAsync(response)).Get(".error-summary").TextContent);
        Assert.Equal((0, 0), await CountAsync());
    }
}
