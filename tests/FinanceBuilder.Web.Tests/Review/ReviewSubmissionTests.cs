using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Review;

/// The submission page, its files, preview and comparison: what a donor with the share sees,
/// and 404 for everyone else, at once after the share is removed (T03).
public sealed class ReviewSubmissionTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private const string Cotonou = "adaptation-cotonou-drainage-fr.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Page_ShowsHeaderFiguresDownloadsReportAndPreview()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var donor = await world.SignInAsync(ReviewWorld.ReaderA);

        var page = await donor.GetPageAsync($"/review/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Page.Text();
        Assert.Contains("Tamale Solar Public Buildings", page.Page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("V.001", text, StringComparison.Ordinal);
        Assert.Contains("Submitted by Amina Applicant on 2 Mar 2026 09:00 UTC.", text, StringComparison.Ordinal);
        Assert.Contains("USD 13,025,000", page.Page.QuerySelector("dl.key-figures")!.TextContent, StringComparison.Ordinal);
        var links = page.Page.QuerySelectorAll("ul.review-downloads a").Select(a => a.GetAttribute("href")!).ToList();
        string package;
        using (var db = world.App.OpenDb())
            package = (await db.SubmissionPackages.SingleAsync()).FileName;
        Assert.Contains($"/review/{id}/files/{Uri.EscapeDataString(package)}", links);
        Assert.Contains(links, l => l.EndsWith(".pdf", StringComparison.Ordinal) && !l.Contains("validation-report", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith("-validation-report.pdf", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith("-budget.xlsx", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.EndsWith(".json", StringComparison.Ordinal));

        // Each file downloads under the name the server chose.
        foreach (var link in links)
        {
            var response = await donor.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            // The stored zip keeps its own name; a document from it is saved with its version ("…-V001.pdf").
            var asked = Uri.UnescapeDataString(link.Split('/')[^1]);
            var expected = asked == package ? asked : Web.Data.Submissions.SubmissionRecord.VersionedFileName(asked, 1);
            Assert.Equal(expected, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
        }
        var zip = await donor.GetAsync($"/review/{id}/files/{Uri.EscapeDataString(package)}");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);

        // The validation report of the snapshot: rule ids with their messages, or "no finding".
        Assert.True(page.Page.QuerySelectorAll("ul.review-findings li code").Length > 0 || text.Contains("No error or warning.", StringComparison.Ordinal));
        Assert.All(page.Page.QuerySelectorAll("ul.review-findings li code"), c => Assert.Matches("^R-\\d{3}$", c.TextContent));

        var preview = await donor.GetPageAsync($"/review/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var article = preview.Page.QuerySelector("article.document-preview")!;
        Assert.Contains("USD\u00A013,025,000", article.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.Page.QuerySelector("script"));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%5C..%5Cetc%5Cpasswd")]
    [InlineData("manifest.json")]
    [InlineData("unknown.pdf")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task Files_OnlyNamesInTheZip(string name)
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var response = await donor.GetAsync($"/review/{id}/files/{name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unshared_IsNotFound_OnPageFilesPreviewAndCompare()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, mine) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var (_, theirs) = await world.SubmitSampleAsync(Cotonou, Day, world.DonorB);
        string package;
        using (var db = world.App.OpenDb())
            package = (await db.SubmissionPackages.SingleAsync(p => p.SubmissionId == theirs)).FileName;
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);
        var second = await world.App.SubmitAsync((await ProposalOf(world, mine)), Day.AddDays(1), world.DonorA);

        foreach (var url in new[]
        {
            $"/review/{theirs}", $"/review/{theirs}/preview", $"/review/{theirs}/files/{Uri.EscapeDataString(package)}",
            $"/review/compare?ids={mine}&ids={theirs}", $"/review/compare?ids={mine}&ids={second}&ids={theirs}",
            $"/review/{Guid.NewGuid()}", $"/review/compare?ids={mine}&ids={Guid.NewGuid()}", $"/review/compare?ids={mine}&ids=not-a-guid",
            $"/review/compare?ids={mine}&ids={theirs}&format=csv", $"/review/compare?ids={mine}&ids={theirs}&format=xlsx",
        })
        {
            Assert.True((await donor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.OK, (await donor.GetAsync($"/review/compare?ids={mine}&ids={second}")).StatusCode);
        // Posting a scoring sheet to it is no way in either.
        var page = await donor.GetPageAsync($"/review/{mine}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Infrastructure.TestAccounts.AntiforgeryToken(page.Html), ["Form.Scores[0].Score"] = "3" });
        Assert.Equal(HttpStatusCode.NotFound, (await donor.PostAsync($"/review/{theirs}?handler=Save", form)).StatusCode);
        using (var db = world.App.OpenDb())
            Assert.Empty(await db.Reviews.ToListAsync());
    }

    [Fact]
    public async Task RemovingTheShare_EndsAccess_OnTheNextRequest()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);
        Assert.Equal(HttpStatusCode.OK, (await donor.GetAsync($"/review/{id}")).StatusCode);

        using (var db = world.App.OpenDb())
        {
            db.ProposalShares.Remove(await db.ProposalShares.SingleAsync(s => s.ProposalId == proposal && s.DonorOrganisationId == world.DonorA));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync($"/review/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync($"/review/{id}/preview")).StatusCode);
        var list = await donor.GetPageAsync("/review");
        Assert.Empty(list.Page.QuerySelectorAll("table.review-list tbody tr"));
    }

    [Fact]
    public async Task Versions_LinkToEachOther_AndCompareWithThePrevious()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var second = await world.App.SubmitAsync(proposal, Day.AddDays(5), world.DonorA);
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var page = await donor.GetPageAsync($"/review/{second}");
        var firstPage = await donor.GetPageAsync($"/review/{first}");

        Assert.Equal([$"/review/{first}"], page.Page.QuerySelectorAll("ul.review-versions a").Select(a => a.GetAttribute("href")));
        var compare = page.Page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Compare with the previous version (V.001)", StringComparison.Ordinal));
        Assert.Equal($"/review/compare?ids={first}&ids={second}", compare.GetAttribute("href"));
        Assert.DoesNotContain("Compare with the previous version", firstPage.Page.Text(), StringComparison.Ordinal);

        var side = await donor.GetPageAsync(compare.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, side.Status);
        var table = side.Page.QuerySelector("table.review-compare")!;
        Assert.Equal(2, table.QuerySelectorAll("thead th").Length);
        var version = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Version");
        Assert.Equal(["V.001", "V.002"], version.QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Theory]
    [InlineData(1, "en", "Select from 2 to 10 submissions to compare.")]
    [InlineData(11, "en", "Select from 2 to 10 submissions to compare.")]
    [InlineData(0, "fr", "Sélectionnez de 2 à 10 soumissions à comparer.")]
    public async Task Compare_NeedsTwoToTen(int count, string language, string message)
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        // The count is checked before anything is looked up: the other ids need not exist.
        var ids = new List<Guid> { id };
        for (var i = 1; i < count; i++)
            ids.Add(Guid.NewGuid());
        var donor = await world.SignInAsync(ReviewWorld.ScorerA, language);

        var page = await donor.GetPageAsync("/review/compare" + (count == 0 ? "" : "?" + string.Join("&", ids.Take(count).Select(i => $"ids={i}"))));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.Page.Text(), StringComparison.Ordinal);
        Assert.Null(page.Page.QuerySelector("table.review-compare"));
    }

    [Fact]
    public async Task DeletingTheProposal_EndsItsSharing()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        using var donor = await world.SignInAsync(ReviewWorld.ScorerA);
        Assert.Equal(HttpStatusCode.OK, (await donor.GetAsync($"/review/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await world.Applicant.DeleteAsync($"/api/proposals/{proposal}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync($"/review/{id}")).StatusCode);
        using var db = world.App.OpenDb();
        Assert.Equal(0, await db.ProposalShares.CountAsync(s => s.ProposalId == proposal));
    }

    [Fact]
    public async Task Donors_CannotOpenOrChangeProposals()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);
        var token = Infrastructure.TestAccounts.AntiforgeryToken((await donor.GetPageAsync($"/review/{id}")).Html);

        foreach (var url in new[] { $"/proposals/{proposal}", $"/proposals/{proposal}/basics", $"/proposals/{proposal}/check-answers", $"/proposals/{proposal}/export", $"/api/proposals/{proposal}" })
            Assert.True((await donor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        foreach (var url in new[] { $"/proposals/{proposal}?handler=Duplicate", $"/proposals/{proposal}/basics", $"/proposals/{proposal}/delete", $"/proposals/{proposal}/check-answers" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Basics.Title"] = "Changed by a donor" });
            var status = (await donor.PostAsync(url, form)).StatusCode;
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{url}: {status}");
        }
        using (var body = new StringContent(Infrastructure.Samples.ReadText(Tamale), System.Text.Encoding.UTF8, "application/json"))
        {
            var put = await donor.PutAsync($"/api/proposals/{proposal}", body);
            Assert.True(put.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"PUT {put.StatusCode}");
        }
        var delete = await donor.DeleteAsync($"/api/proposals/{proposal}");
        Assert.True(delete.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"DELETE {delete.StatusCode}");

        using var db = world.App.OpenDb();
        var record = await db.Proposals.SingleAsync(p => p.Id == proposal);
        Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", record.Title);
        Assert.Equal(1, await db.Proposals.CountAsync());
    }

    private static async Task<Guid> ProposalOf(ReviewWorld world, Guid submission)
    {
        using var db = world.App.OpenDb();
        return (await db.Submissions.SingleAsync(s => s.Id == submission)).ProposalId;
    }
}
