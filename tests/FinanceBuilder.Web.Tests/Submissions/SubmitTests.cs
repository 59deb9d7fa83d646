using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Submissions;

/// Submitting freezes V.001, V.002 … with the package stored; the same key is the same
/// submission however often and however fast it is posted (T42).
public sealed class SubmitTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public SubmitTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Submit_CreatesV001_WithItsPackageStored_AndTheProposalSubmitted()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var form = await browser.Client.OpenSubmitAsync(id);
        Assert.Contains("V.001", form.Html, StringComparison.Ordinal);

        var response = await browser.Client.PostSubmitAsync(id, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/versions/1", response.Headers.Location!.OriginalString);
        using var db = app.OpenDb();
        var submission = await db.Submissions.SingleAsync(s => s.ProposalId == id);
        var proposal = await db.Proposals.SingleAsync(p => p.Id == id);
        Assert.Equal(1, submission.Number);
        Assert.Equal(form.Key, submission.IdempotencyKey);
        Assert.Equal(proposal.Version, submission.ProposalVersion);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(TestAccounts.DefaultEditor.Split('@')[0], submission.SubmittedByName);
        // The snapshot is the stored proposal, with its version number field set (R-004).
        using (var snapshot = JsonDocument.Parse(submission.Document))
            Assert.Equal("V.001", snapshot.RootElement.GetProperty("basics").GetProperty("versionNumber").GetString());
        Assert.Equal("Gcf", submission.Fund);
        Assert.NotNull(submission.TotalUsd);
        Assert.InRange(submission.Readiness!.Value, 0, 100);

        var package = await db.SubmissionPackages.SingleAsync(p => p.SubmissionId == submission.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package.Content)), package.Sha256);
        var download = await browser.Client.GetAsync($"/proposals/{id}/versions/1/package");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(package.FileName, download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        // The version is in the pack's name (…-V001-EN-20261205.zip), once.
        Assert.Matches(@"^[A-Z]+-.+-V001-[A-Z]{2}-\d{8}\.zip$", package.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(package.Content, bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var manifest = zip.GetEntry("manifest.json");
        Assert.NotNull(manifest);
        using var manifestJson = await JsonDocument.ParseAsync(manifest.Open());
        Assert.Equal(submission.IsDraftPackage, manifestJson.RootElement.GetProperty("draft").GetBoolean());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.ProposalId == id && e.Action == "submitted" && e.Summary == "V.001"));
    }

    [Fact]
    public async Task SecondSubmit_AfterAnEdit_GivesV002_AndTheEditMadeItADraft()
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);

        await browser.EditTitleAsync(id, "Tamale solar and LED street lighting, Ghana — revised");
        using (var db = app.OpenDb())
            Assert.Equal(ProposalStatus.Draft, (await db.Proposals.SingleAsync(p => p.Id == id)).Status);
        var form = await browser.Client.OpenSubmitAsync(id);
        Assert.Contains("V.002", form.Html, StringComparison.Ordinal);
        var second = await browser.Client.PostSubmitAsync(id, form);

        Assert.Equal($"/proposals/{id}/versions/2", second.Headers.Location!.OriginalString);
        using var check = app.OpenDb();
        Assert.Equal([1, 2], await check.Submissions.Where(s => s.ProposalId == id).OrderBy(s => s.Number).Select(s => s.Number).ToListAsync());
        Assert.Equal(ProposalStatus.Submitted, (await check.Proposals.SingleAsync(p => p.Id == id)).Status);
        var versions = await browser.OpenAsync($"/proposals/{id}/versions");
        Assert.Contains("V.001", versions.Text, StringComparison.Ordinal);
        Assert.Contains("V.002", versions.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleClick_SameKeyTwice_IsOneSubmission()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var form = await browser.Client.OpenSubmitAsync(id);

        var first = await browser.Client.PostSubmitAsync(id, form);
        var second = await browser.Client.PostSubmitAsync(id, form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((1, 1, 1), await app.CountAsync(id));
    }

    /// T42: twenty posts of the same form at once give one submission, one package and one
    /// audit event. Five trials here to keep the suite fast; FB_T42_TRIALS=100 runs more.
    [Fact]
    public async Task T42_TwentyParallelPosts_SameKey_OneSubmissionOnePackageOneEvent()
    {
        var trials = int.TryParse(Environment.GetEnvironmentVariable("FB_T42_TRIALS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;
        for (var trial = 0; trial < trials; trial++)
        {
            var id = await browser.SeedSampleAsync(Sample);
            var form = await browser.Client.OpenSubmitAsync(id);

            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => browser.Client.PostSubmitAsync(id, form)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.All(responses, r => Assert.Equal($"/proposals/{id}/versions/1", r.Headers.Location!.OriginalString));
            Assert.Equal((1, 1, 1), await app.CountAsync(id));
        }
    }

    [Fact]
    public async Task T42_ParallelPostsFromSeparateSessions_SameKey_OneSubmission()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var clients = Enumerable.Range(0, 5).Select(_ => app.CreateApiClient()).ToList();
        try
        {
            // Each tab has its own antiforgery token; the key is the one the page rendered.
            var forms = await Task.WhenAll(clients.Select(c => c.OpenSubmitAsync(id)));
            var key = forms[0].Key;
            var responses = await Task.WhenAll(clients.Select((c, i) => c.PostSubmitAsync(id, forms[i], key)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Equal((1, 1, 1), await app.CountAsync(id));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task DifferentKey_ProposalUnchanged_Is409_SayingWhichVersion()
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);

        var again = await browser.Client.SubmitAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await WizardPage.ReadAsync(again);
        Assert.Contains("already submitted as V.001", page.Text, StringComparison.Ordinal);
        Assert.Contains("Edit the proposal to submit a new version", page.Text, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), await app.CountAsync(id));
        // The page says so before the click too, and its button cannot be pressed.
        var before = await browser.OpenAsync($"/proposals/{id}/submit");
        Assert.Contains("already submitted as V.001", before.Text, StringComparison.Ordinal);
        Assert.True(before.Get("main form button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task MissingKey_IsRefused_AndNothingStored()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var form = await browser.Client.OpenSubmitAsync(id);

        var response = await browser.Client.PostSubmitAsync(id, form, key: "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0, 0), await app.CountAsync(id));
    }

    [Fact]
    public async Task Submit_WithErrors_SaysDraft_AndStoresADraftPackage()
    {
        // A bare proposal has many errors: it may be submitted, as a draft, and the page says so.
        var id = await browser.SeedJsonAsync("""{"schemaVersion":1,"basics":{"title":"Bare proposal"}}""");
        var form = await browser.Client.OpenSubmitAsync(id);
        Assert.Contains("only as a DRAFT package", WizardBrowser.Parse(form.Html).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.PostSubmitAsync(id, form)).StatusCode);

        using var db = app.OpenDb();
        var submission = await db.Submissions.SingleAsync(s => s.ProposalId == id);
        Assert.True(submission.IsDraftPackage);
        Assert.True(submission.ErrorCount > 0);
    }

    [Fact]
    public async Task Submit_SharesWithTheTickedDonors_AndTheyArePreTickedNextTime()
    {
        var donor = await app.CreateOrganisationAsync("Climate Donor Fund", OrganisationKind.Donor);
        var other = await app.CreateOrganisationAsync("Other Donor", OrganisationKind.Donor);
        var disabled = await app.CreateOrganisationAsync("Closed Donor", OrganisationKind.Donor);
        using (var db = app.OpenDb())
        {
            (await db.Organisations.SingleAsync(o => o.Id == disabled)).DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        var id = await browser.SeedSampleAsync(Sample);
        var form = await browser.Client.OpenSubmitAsync(id);
        Assert.Equal(new[] { donor.ToString(), other.ToString() }.Order(StringComparer.Ordinal), form.Donors.Select(d => d.Value).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(form.Donors, d => d.Value == disabled.ToString());

        await browser.Client.PostSubmitAsync(id, form, donors: [donor.ToString()]);

        using (var db = app.OpenDb())
            Assert.Equal([donor], await db.ProposalShares.Where(s => s.ProposalId == id).Select(s => s.DonorOrganisationId).ToListAsync());
        await browser.EditTitleAsync(id, "Changed title");
        var next = await browser.Client.OpenSubmitAsync(id);
        Assert.Contains(next.Donors, d => d.Value == donor.ToString() && d.Checked);
        Assert.Contains(next.Donors, d => d.Value == other.ToString() && !d.Checked);
    }
}
