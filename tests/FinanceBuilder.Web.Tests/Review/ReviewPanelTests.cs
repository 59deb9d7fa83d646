using System.Globalization;
using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Review;

/// Several reviewers of one donor on one submission: assigned by a colleague, each declaring any
/// conflict of interest before scoring, scoring on their own sheet, the consensus shown to those
/// who have handed in, the status the list shows following every step, and one decision released.
public sealed class ReviewPanelTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    internal const string SecondScorer = "second@donor-a.test";
    internal const string ConflictedScorer = "conflicted@donor-a.test";

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var all = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(page.Html)) };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(action, form);
    }

    internal static Task<HttpResponseMessage> DeclareAsync(HttpClient client, Guid id, string declaration, string? note = null) =>
        PostAsync(client, $"/review/{id}/sheet", $"/review/{id}/sheet?handler=Declare", ("Declaration", declaration), ("ConflictNote", note ?? ""));

    internal static async Task<HttpResponseMessage> ScoreAsync(HttpClient client, Guid id, string handler, int?[] scores, string? recommendation)
    {
        var page = await client.GetPageAsync($"/review/{id}/sheet");
        var version = page.Page.QuerySelector("input[name='Form.Version']")?.GetAttribute("value") ?? "";
        var fields = new List<(string, string)> { ("Form.Version", version) };
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] is { } s)
                fields.Add(($"Form.Scores[{i}].Score", s.ToString(CultureInfo.InvariantCulture)));
            fields.Add(($"Form.Scores[{i}].Comment", $"Reviewer comment {i + 1}"));
        }
        if (recommendation is not null)
            fields.Add(("Form.Recommendation", recommendation));
        return await PostAsync(client, $"/review/{id}/sheet", $"/review/{id}/sheet?handler={handler}", [.. fields]);
    }

    private static async Task<ReviewStatus?> ListedStatusAsync(HttpClient client, Guid id)
    {
        foreach (var status in Enum.GetValues<ReviewStatus>())
        {
            var list = await client.GetPageAsync($"/review?status={status}");
            if (list.Page.QuerySelector($"a[href='/review/{id}']") is not null)
                return status;
        }
        return null;
    }

    [Fact]
    public async Task TwoReviewers_OneConflicted_ConsensusThenOneDecision_TheStatusFollows()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.App.CreateUserAsync(SecondScorer, world.DonorA, MemberRole.Editor);
        await world.App.CreateUserAsync(ConflictedScorer, world.DonorA, MemberRole.Editor);
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var lead = await world.SignInAsync(ReviewWorld.ScorerA);
        var second = await world.SignInAsync(SecondScorer);
        var conflicted = await world.SignInAsync(ConflictedScorer);
        Assert.Equal(ReviewStatus.New, await ListedStatusAsync(lead, id));

        // The lead assigns both colleagues from the submission page; a reader is not offered.
        var page = await lead.GetPageAsync($"/review/{id}");
        var options = page.Page.QuerySelectorAll("#assign-reviewer option").Select(o => o.TextContent.Trim()).ToList();
        Assert.DoesNotContain(options, o => o.Contains("reader", StringComparison.OrdinalIgnoreCase));
        using (var db = world.App.OpenDb())
        {
            foreach (var email in new[] { SecondScorer, ConflictedScorer })
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                var assigned = await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Assign", ("ReviewerId", user.Id.ToString()));
                Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
            }
        }
        Assert.Equal(ReviewStatus.Assigned, await ListedStatusAsync(lead, id));
        var mine = await second.GetPageAsync("/review?mine=true");
        Assert.NotNull(mine.Page.QuerySelector($"a[href='/review/{id}']"));

        // Nothing is scored before the declaration.
        var early = await ScoreAsync(second, id, "Save", [5, 5, 5, 5, 5, 5], "Endorse");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        using (var db = world.App.OpenDb())
            Assert.All(await db.ReviewerSheets.ToListAsync(), s => Assert.Equal("[]", s.Scores));

        // One declares a conflict and is out: no sheet, no consensus, no decision.
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(conflicted, id, "Declared", "I advised the municipality in 2025.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(conflicted, id, "Save", [1, 1, 1, 1, 1, 1], "Decline")).StatusCode);
        var excluded = await conflicted.GetPageAsync($"/review/{id}");
        Assert.Contains("You declared a conflict of interest for this submission", excluded.Page.Text(), StringComparison.Ordinal);
        Assert.Null(excluded.Page.QuerySelector("form.review-sheet-form"));
        var decisionByConflicted = await PostAsync(conflicted, $"/review/{id}/sheet", $"/review/{id}?handler=Release",
            [.. Enumerable.Range(0, 6).Select(i => ($"Form.Scores[{i}].Score", "1")), ("Form.Recommendation", "Decline")]);
        Assert.Equal(HttpStatusCode.Forbidden, decisionByConflicted.StatusCode);
        // A declared conflict cannot be quietly taken back.
        await DeclareAsync(conflicted, id, "None");
        using (var db = world.App.OpenDb())
            Assert.Equal(ConflictDeclaration.Declared, (await db.ReviewerSheets.SingleAsync(s => s.ReviewerName == ConflictedScorer || s.ConflictNote != null)).Conflict);

        // The other two declare and score; handing in needs every score.
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(second, id, "None")).StatusCode);
        Assert.Equal(ReviewStatus.InReview, await ListedStatusAsync(lead, id));
        var incomplete = await ScoreAsync(second, id, "Submit", [5, 4, null, 4, 4, 4], "Endorse");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains("Before handing in your sheet, score all six criteria", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(second, id, "Submit", [5, 4, 2, 4, 4, 4], "Endorse")).StatusCode);

        // The lead has not handed in: the colleague's scores stay out of sight.
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(lead, id, "None")).StatusCode);
        var before = await lead.GetPageAsync($"/review/{id}");
        Assert.Null(before.Page.QuerySelector("table.consensus"));
        Assert.Contains("once you have handed in your own sheet", before.Page.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(lead, id, "Submit", [3, 4, 5, 4, 4, 4], "EndorseWithConditions")).StatusCode);
        Assert.Equal(ReviewStatus.Scored, await ListedStatusAsync(lead, id));

        // The consensus: averages, ranges, the disagreement on sustainable development (2 and 5).
        var after = await lead.GetPageAsync($"/review/{id}");
        var rows = after.Page.QuerySelectorAll("table.consensus tbody tr").ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("4", rows[0].QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("3–5", rows[0].QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("3.5", rows[2].QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal(["disagreement"], rows.Select((r, i) => (r, i)).Where(x => x.r.ClassList.Contains("disagreement")).Select(x => x.r.ClassName!).Distinct());
        Assert.True(rows[2].ClassList.Contains("disagreement"));
        Assert.Contains("1 reviewer excluded for a conflict of interest.", after.Page.Text(), StringComparison.Ordinal);
        Assert.Contains("Reviewers recommend: Endorse (1), Endorse with conditions (1)", after.Page.Text(), StringComparison.Ordinal);
        // The decision form starts from the rounded averages (4 and 3.5 → 4).
        Assert.NotNull(after.Page.QuerySelector("form.review-sheet-form input[name='Form.Scores[0].Score'][value='4'][checked]"));
        Assert.NotNull(after.Page.QuerySelector("form.review-sheet-form input[name='Form.Scores[2].Score'][value='4'][checked]"));

        // One decision, released; the applicant sees it, never a reviewer's own sheet.
        var release = await PostAsync(lead, $"/review/{id}", $"/review/{id}?handler=Release",
            [.. Enumerable.Range(0, 6).Select(i => ($"Form.Scores[{i}].Score", "4")), ("Form.Recommendation", "EndorseWithConditions"), ("Form.Summary", "Agreed by the panel.")]);
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        Assert.Equal(ReviewStatus.Released, await ListedStatusAsync(lead, id));
        using (var db = world.App.OpenDb())
        {
            Assert.Equal(1, await db.Reviews.CountAsync());
            Assert.Equal(3, await db.ReviewerSheets.CountAsync());
        }
    }

    [Fact]
    public async Task Assigning_OnlyTheOrganisationsScorers_AndADeclaredReviewerStays()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.App.CreateUserAsync(SecondScorer, world.DonorA, MemberRole.Editor);
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA, world.DonorB);
        var lead = await world.SignInAsync(ReviewWorld.ScorerA);
        Guid reader, otherDonor, second;
        using (var db = world.App.OpenDb())
        {
            reader = (await db.Users.SingleAsync(u => u.Email == ReviewWorld.ReaderA)).Id;
            otherDonor = (await db.Users.SingleAsync(u => u.Email == ReviewWorld.ScorerB)).Id;
            second = (await db.Users.SingleAsync(u => u.Email == SecondScorer)).Id;
        }
        foreach (var refused in new[] { reader, otherDonor, Guid.NewGuid() })
        {
            var response = await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Assign", ("ReviewerId", refused.ToString()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("Choose one of your organisation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Assign", ("ReviewerId", second.ToString()))).StatusCode);
        // Twice is refused: already on it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Assign", ("ReviewerId", second.ToString()))).StatusCode);
        // The list filters by reviewer; donor B's list offers no reviewer of donor A.
        Assert.NotNull((await lead.GetPageAsync($"/review?reviewer={second}")).Page.QuerySelector($"a[href='/review/{id}']"));
        Assert.Null((await lead.GetPageAsync($"/review?reviewer={reader}")).Page.QuerySelector($"a[href='/review/{id}']"));
        Assert.Equal(["second"], (await lead.GetPageAsync("/review")).Page.QuerySelectorAll("#reviewer option").Skip(1).Select(o => o.TextContent.Trim()));
        Assert.Null((await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync("/review")).Page.QuerySelector("#reviewer"));

        // Once the reviewer has declared, the sheet stays on record.
        await DeclareAsync(await world.SignInAsync(SecondScorer), id, "None");
        Guid sheet;
        using (var db = world.App.OpenDb())
            sheet = (await db.ReviewerSheets.SingleAsync()).Id;
        var remove = await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Unassign", ("SheetId", sheet.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, remove.StatusCode);
        using (var db = world.App.OpenDb())
            Assert.Equal(1, await db.ReviewerSheets.CountAsync());

        // Deadline: typed one wins; a bad date is refused in words.
        var bad = await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Settings", ("Deadline", "2027-02-30"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("The deadline is not a date", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/review/{id}", $"/review/{id}/team?handler=Settings", ("Deadline", "2027-01-31"))).StatusCode);
        var page = await lead.GetPageAsync($"/review/{id}");
        Assert.Contains("Review due by 31 January 2027", page.Page.Text(), StringComparison.Ordinal);
        // Donor B shares the submission, not donor A's panel or deadline.
        var other = await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync($"/review/{id}");
        Assert.DoesNotContain(SecondScorer, other.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("31 January 2027", other.Page.Text(), StringComparison.Ordinal);
    }

    /// Reviewers of another donor reach none of the new routes of a submission not shared with
    /// them, nor another donor's calls: 404, as if they did not exist.
    [Fact]
    public async Task AnotherDonor_GetsNotFound_OnSheetsTeamsAndCalls()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var a = await world.SignInAsync(ReviewWorld.ScorerA);
        var created = await PostAsync(a, "/review/calls", "/review/calls", ("Name", "Cities call 2027"), ("Deadline", "2027-03-01"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var call = created.Headers.Location!.OriginalString.Split('?')[0];

        var b = await world.SignInAsync(ReviewWorld.ScorerB);
        foreach (var url in new[] { $"/review/{id}/sheet", $"/review/{id}/team", call, $"/review/{id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        var token = TestAccounts.AntiforgeryToken((await b.GetPageAsync("/review/calls")).Html);
        foreach (var url in new[] { $"/review/{id}/sheet?handler=Declare", $"/review/{id}/team?handler=Settings", $"{call}?handler=Save", $"{call}?handler=Reset" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Declaration"] = "None", ["Name"] = "Taken", ["Deadline"] = "2027-01-01", ["Version"] = "1" });
            Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync(url, form)).StatusCode);
        }
        var list = await b.GetPageAsync("/review/calls");
        Assert.DoesNotContain("Cities call 2027", list.Html, StringComparison.Ordinal);
        using var db = world.App.OpenDb();
        Assert.Empty(await db.ReviewerSheets.ToListAsync());
        Assert.Equal("Cities call 2027", (await db.ReviewCalls.SingleAsync()).Name);
    }
}
