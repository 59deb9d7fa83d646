using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Submissions;

/// The history of submitted versions, the comparison between two of them, the donors' released
/// reviews and who may see and do what.
public sealed class VersionsTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public VersionsTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<Guid> SubmittedTwiceAsync(string newTitle)
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        await browser.EditTitleAsync(id, newTitle);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        return id;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Compare_ShowsTheChangedField_BeforeAndAfter(string lang)
    {
        var id = await SubmittedTwiceAsync("Tamale solar and LED lighting — second version");
        var culture = CultureInfo.GetCultureInfo(lang);
        using var reader = new WizardBrowser(app, lang);

        var page = await reader.OpenAsync($"/proposals/{id}/compare?from=1&to=2");

        var row = page.Document.QuerySelectorAll("table tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent.Trim() == ProposalDiff.FieldName("basics.title", culture));
        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", cells[0]);
        Assert.Equal("Tamale solar and LED lighting — second version", cells[1]);
        Assert.Contains(ProposalDiff.SectionName(ProposalDiff.SectionOf("basics.title"), culture), page.Document.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.NotNull(page.Find("select#compare-from option[value='1'][selected]"));
        Assert.NotNull(page.Find("select#compare-to option[value='2'][selected]"));
        Assert.NotNull(page.Find(".table-scroll table"));
    }

    [Fact]
    public async Task Compare_SameVersion_SaysNoChange_AndTheDraftCanBeCompared()
    {
        var id = await SubmittedTwiceAsync("Second title");

        var same = await browser.OpenAsync($"/proposals/{id}/compare?from=2&to=2");
        Assert.Contains("No change between these two versions.", same.Text, StringComparison.Ordinal);

        await browser.EditTitleAsync(id, "Third title, not submitted");
        var draft = await browser.OpenAsync($"/proposals/{id}/compare?from=2&to=draft");
        Assert.Contains("Third title, not submitted", draft.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/proposals/{id}/compare?from=9&to=draft")).Status);
    }

    [Fact]
    public async Task AnotherOrganisationsEditor_Gets404_OnEveryPage()
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        var elsewhere = await app.CreateOrganisationAsync("Other town", OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@other.test", elsewhere);
        using var stranger = await app.SignedInClientAsync("editor@other.test");

        foreach (var url in new[] { $"/proposals/{id}/submit", $"/proposals/{id}/versions", $"/proposals/{id}/versions/1", $"/proposals/{id}/versions/1/package", $"/proposals/{id}/compare?from=1&to=draft" })
        {
            var response = await stranger.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Tamale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Posting with a valid token from their own proposal's submit page: still 404, nothing stored.
        using var body = new StringContent(Samples.ReadText(Sample), System.Text.Encoding.UTF8, "application/json");
        var theirs = Guid.Parse((await stranger.PostAsync("/api/proposals", body)).Headers.Location!.OriginalString.Split('/')[^1]);
        var theirForm = await stranger.OpenSubmitAsync(theirs);
        var post = await stranger.PostSubmitAsync(id, theirForm);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal((1, 1, 1), await app.CountAsync(id));
    }

    [Fact]
    public async Task Reader_SeesVersions_ButCannotSubmitOrShare()
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        var donor = await app.CreateOrganisationAsync("Donor", OrganisationKind.Donor);
        await app.CreateUserAsync("reader@workspace.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        using var reader = await app.SignedInClientAsync("reader@workspace.test");

        var versions = await reader.GetAsync($"/proposals/{id}/versions");
        Assert.Equal(HttpStatusCode.OK, versions.StatusCode);
        var html = await versions.Content.ReadAsStringAsync();
        Assert.Contains("V.001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Share", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/proposals/{id}/versions/1/package")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/proposals/{id}/submit")).StatusCode);

        // A page with a form readers may send gives this reader a valid antiforgery token.
        var token = TestAccounts.AntiforgeryToken(await reader.GetStringAsync($"/proposals/{id}/package"));
        var post = await reader.PostSubmitAsync(id, new SubmissionClient.SubmitForm(token, Guid.NewGuid().ToString("N"), [], ""));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var share = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/versions?handler=Share")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["donor"] = donor.ToString() }),
        };
        share.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(share)).StatusCode);
        Assert.Equal((1, 1, 1), await app.CountAsync(id));
        using var db = app.OpenDb();
        Assert.False(await db.ProposalShares.AnyAsync(s => s.ProposalId == id));
    }

    [Fact]
    public async Task ShareAndUnshare_FromTheVersionsPage()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var donor = await app.CreateOrganisationAsync("Green Donor", OrganisationKind.Donor);
        var page = await browser.OpenAsync($"/proposals/{id}/versions");
        var shareForm = (IHtmlFormElement)page.Get("main form[action*='handler=Share']");

        var shared = await browser.PostAsync(shareForm.GetAttribute("action")!, FormFields.Read(shareForm).Set("donor", donor.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        using (var db = app.OpenDb())
            Assert.True(await db.ProposalShares.AnyAsync(s => s.ProposalId == id && s.DonorOrganisationId == donor));
        var after = await browser.OpenAsync($"/proposals/{id}/versions");
        Assert.Contains("Green Donor", after.Get("ul.submission-shares").TextContent, StringComparison.Ordinal);
        var unshareForm = (IHtmlFormElement)after.Get("main form[action*='handler=Unshare']");

        var unshared = await browser.PostAsync(unshareForm.GetAttribute("action")!, FormFields.Read(unshareForm));
        Assert.Equal(HttpStatusCode.Redirect, unshared.StatusCode);
        using (var db = app.OpenDb())
        {
            Assert.False(await db.ProposalShares.AnyAsync(s => s.ProposalId == id));
            Assert.Equal(["shared", "unshared"], await db.AuditEvents.Where(e => e.ProposalId == id && e.Action.EndsWith("shared")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        }
    }

    [Fact]
    public async Task Donor_GetsTheSharedPackage_UntilUnshared_AndNeverTheApplicantsPages()
    {
        var donor = await app.CreateOrganisationAsync("Shared Donor", OrganisationKind.Donor);
        await app.CreateUserAsync("reviewer@donor.test", donor);
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id, [donor.ToString()])).StatusCode);
        using var reviewer = await app.SignedInClientAsync("reviewer@donor.test");

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/proposals/{id}/versions/1/package")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/proposals/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/proposals/{id}/compare?from=1&to=draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/proposals/{id}/submit")).StatusCode);

        var page = await browser.OpenAsync($"/proposals/{id}/versions");
        var unshareForm = (IHtmlFormElement)page.Get("main form[action*='handler=Unshare']");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(unshareForm.GetAttribute("action")!, FormFields.Read(unshareForm))).StatusCode);

        // The same signed-in session, the next request: the access is gone.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/proposals/{id}/versions/1/package")).StatusCode);
    }

    [Fact]
    public async Task Reviews_OnlyReleasedOnes_AreShownToTheApplicant()
    {
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        var released = await app.CreateOrganisationAsync("Released Donor Bank", OrganisationKind.Donor);
        var pending = await app.CreateOrganisationAsync("Pending Donor Agency", OrganisationKind.Donor);
        using (var db = app.OpenDb())
        {
            var submission = await db.Submissions.SingleAsync(s => s.ProposalId == id);
            db.Reviews.Add(Review(submission, released, "Strong paradigm shift case", "Convincing overall", DateTime.UtcNow));
            db.Reviews.Add(Review(submission, pending, "Secret draft remark", "Not yet released", null));
            await db.SaveChangesAsync();
        }

        foreach (var url in new[] { $"/proposals/{id}/versions", $"/proposals/{id}/versions/1" })
        {
            var page = await browser.OpenAsync(url);
            var reviews = Assert.Single(page.Document.QuerySelectorAll("article.submission-review")).TextContent;
            Assert.Contains("Released Donor Bank", reviews, StringComparison.Ordinal);
            Assert.Contains("Strong paradigm shift case", page.Text, StringComparison.Ordinal);
            Assert.Contains("Convincing overall", page.Text, StringComparison.Ordinal);
            Assert.Contains("4 out of 5", page.Text, StringComparison.Ordinal);
            Assert.Contains("Endorse with conditions", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Pending Donor Agency", reviews, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret draft remark", page.Text, StringComparison.Ordinal);
        }
    }

    private static ReviewRecord Review(SubmissionRecord submission, Guid donor, string comment, string summary, DateTime? releasedAt) => new()
    {
        Id = Guid.NewGuid(),
        SubmissionId = submission.Id,
        DonorOrganisationId = donor,
        OrganisationId = submission.OrganisationId,
        ReviewerUserId = Guid.NewGuid(),
        ReviewerName = "Reviewer",
        Scores = ReviewScores.Write([new CriterionScore(InvestmentCriterion.ParadigmShift, 4, comment)]),
        Recommendation = ReviewRecommendation.EndorseWithConditions,
        Summary = summary,
        UpdatedAt = DateTime.UtcNow,
        ReleasedAt = releasedAt,
    };
}
