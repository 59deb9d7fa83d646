using System.Net;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Review;

/// The donor's scoring sheet: one per submission and donor organisation, saved with its version
/// token, released to the applicant only when complete, and only by the donor's editors.
public sealed class ScoringSheetTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<HttpResponseMessage> PostSheetAsync(HttpClient client, Guid id, string handler, int?[] scores, string? recommendation, int? version, string? summary = null, string? comment = null)
    {
        var page = await client.GetPageAsync($"/review/{id}");
        // A reader's page has no form, hence no token: the post goes without one.
        var fields = new List<KeyValuePair<string, string>>();
        if (page.Html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
            fields.Add(new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(page.Html)));
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] is { } score)
                fields.Add(new($"Form.Scores[{i}].Score", score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new($"Form.Scores[{i}].Comment", i == 0 && comment is not null ? comment : $"Comment {i + 1}"));
        }
        if (recommendation is not null)
            fields.Add(new("Form.Recommendation", recommendation));
        if (summary is not null)
            fields.Add(new("Form.Summary", summary));
        if (version is not null)
            fields.Add(new("Form.Version", version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync($"/review/{id}?handler={handler}", form);
    }

    private static readonly int?[] AllFour = [4, 4, 4, 4, 4, 4];

    [Fact]
    public async Task Save_CreatesTheSheet_ThenUpdatesIt()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA, world.DonorB);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);

        var created = await PostSheetAsync(scorer, id, "Save", [5, 4, null, 3, 2, 1], "EndorseWithConditions", null, "Strong impact, weak country ownership.");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/review/{id}?done=saved#scoring", created.Headers.Location!.OriginalString);
        using (var db = world.App.OpenDb())
        {
            var review = await db.Reviews.SingleAsync();
            Assert.Equal((id, world.DonorA, 1), (review.SubmissionId, review.DonorOrganisationId, review.Version));
            Assert.Equal(ReviewRecommendation.EndorseWithConditions, review.Recommendation);
            Assert.Equal("Strong impact, weak country ownership.", review.Summary);
            Assert.Equal([5, 4, null, 3, 2, 1], ReviewScores.Read(review.Scores).Select(s => s.Score));
            Assert.Equal("Comment 1", ReviewScores.Read(review.Scores)[0].Comment);
            Assert.Null(review.ReleasedAt);
        }

        var page = await scorer.GetPageAsync($"/review/{id}?done=saved");
        Assert.Contains("The scoring sheet was saved.", page.Page.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.Page.QuerySelector("input[name='Form.Scores[0].Score'][value='5'][checked]"));
        Assert.Equal("1", page.Page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));

        var updated = await PostSheetAsync(scorer, id, "Save", AllFour, "Endorse", 1);
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        using (var db = world.App.OpenDb())
        {
            var review = await db.Reviews.SingleAsync();
            Assert.Equal(2, review.Version);
            Assert.Equal(ReviewRecommendation.Endorse, review.Recommendation);
        }

        // Donor B shares the submission but not donor A's sheet.
        var other = await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync($"/review/{id}");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Null(other.Page.QuerySelector("input[name='Form.Scores[0].Score'][checked]"));
        Assert.Null(other.Page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value") is { Length: > 0 } v ? v : null);
    }

    [Theory]
    [InlineData(0, "en", "Score Impact potential from 1 to 5.")]
    [InlineData(6, "en", "Score Impact potential from 1 to 5.")]
    [InlineData(6, "fr", "Notez «\u00A0Potentiel d’impact\u00A0» de 1 à 5.")]
    public async Task Save_ScoreOutOfRange_ShowsError_InTheReadersLanguage(int score, string language, string message)
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA, language);

        var response = await PostSheetAsync(scorer, id, "Save", [score, 3, 3, 3, 3, 3], null, null, comment: "Typed before the error");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = TestSubmissionsParse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed before the error", page.QuerySelector("textarea[name='Form.Scores[0].Comment']")!.TextContent);
        using var db = world.App.OpenDb();
        Assert.Empty(await db.Reviews.ToListAsync());
    }

    [Fact]
    public async Task Save_TooLongComment_IsRefused()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);

        var response = await PostSheetAsync(scorer, id, "Save", AllFour, null, null, comment: new string('x', 4001));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The comment on Impact potential must be 4,000 characters or fewer.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// Review text keeps its line breaks and tabs but refuses other control characters, as
    /// proposal text does (issue 19); the sheet is not saved.
    [Fact]
    public async Task Save_ControlCharacterInReviewText_IsRefused()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);

        var comment = await PostSheetAsync(scorer, id, "Save", AllFour, null, null, comment: "Good\u001B[31m red");
        var summary = await PostSheetAsync(scorer, id, "Save", AllFour, null, null, summary: "Strong\u0001impact");
        var fine = await PostSheetAsync(scorer, id, "Save", AllFour, null, null, summary: "Strong impact.\r\n\tWeak ownership.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, comment.StatusCode);
        Assert.Contains("Impact potential contains the control character U+001B", WebUtility.HtmlDecode(await comment.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, summary.StatusCode);
        Assert.Contains("Summary contains the control character U+0001", WebUtility.HtmlDecode(await summary.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
        using var db = world.App.OpenDb();
        Assert.Equal("Strong impact.\r\n\tWeak ownership.", (await db.Reviews.SingleAsync()).Summary);
    }

    [Theory]
    [InlineData("en", "Before releasing the review to the applicant, score all six criteria and choose an overall recommendation.")]
    [InlineData("fr", "Avant de communiquer l’évaluation au demandeur, notez les six critères et choisissez une recommandation générale.")]
    public async Task Release_NeedsEveryScoreAndARecommendation(string language, string message)
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA, language);

        var noRecommendation = await PostSheetAsync(scorer, id, "Release", AllFour, null, null);
        var missingScore = await PostSheetAsync(scorer, id, "Release", [4, 4, 4, 4, 4, null], "Endorse", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRecommendation.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await noRecommendation.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingScore.StatusCode);
        var missingHtml = await missingScore.Content.ReadAsStringAsync();
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(missingHtml), StringComparison.Ordinal);
        // Each gap is named and linked: the sixth criterion's score, and (before) the recommendation.
        Assert.Contains("href=\"#score-5-1\"", missingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#score-4-1\"", missingHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#rec-Endorse\"", await noRecommendation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var db = world.App.OpenDb();
        Assert.Empty(await db.Reviews.ToListAsync());
    }

    [Fact]
    public async Task Release_ThenWithdraw()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);

        var released = await PostSheetAsync(scorer, id, "Release", AllFour, "Resubmit", null);

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        using (var db = world.App.OpenDb())
            Assert.NotNull((await db.Reviews.SingleAsync()).ReleasedAt);
        var page = await scorer.GetPageAsync($"/review/{id}?done=released");
        Assert.Contains("Released to the applicant on", page.Page.Text(), StringComparison.Ordinal);
        // While released, the sheet cannot lose a score.
        var emptied = await PostSheetAsync(scorer, id, "Save", [4, 4, 4, 4, 4, null], "Resubmit", 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptied.StatusCode);
        var withdrawForm = page.Page.QuerySelector($"form[action='/review/{id}?handler=Withdraw']")!;
        using var withdraw = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = withdrawForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = withdrawForm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
        });

        var withdrawn = await scorer.PostAsync($"/review/{id}?handler=Withdraw", withdraw);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        using (var db = world.App.OpenDb())
        {
            var review = await db.Reviews.SingleAsync();
            Assert.Null(review.ReleasedAt);
            Assert.Equal(2, review.Version);
            Assert.Equal(ReviewRecommendation.Resubmit, review.Recommendation);
            // Both are privileged actions, in the platform's trail with the reviewer's name (issue 19).
            var trail = await db.PrivilegedEvents.Where(e => e.Action.StartsWith("review-")).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["review-released", "review-withdrawn"], trail.Select(e => e.Action));
            Assert.All(trail, e => Assert.Equal((review.DonorOrganisationId, review.ReviewerUserId), (e.OrganisationId!.Value, e.ActorUserId!.Value)));
            Assert.Equal(("Resubmit", review.SubmissionId.ToString()), (trail[0].After, trail[0].Before));
        }
    }

    [Fact]
    public async Task StaleVersion_ShowsConflict_AndKeepsWhatWasTyped()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var alice = await world.SignInAsync(ReviewWorld.ScorerA);
        await world.App.CreateUserAsync("second@donor-a.test", world.DonorA);
        var bob = await world.SignInAsync("second@donor-a.test");
        Assert.Equal(HttpStatusCode.Redirect, (await PostSheetAsync(alice, id, "Save", AllFour, "Endorse", null)).StatusCode);

        // Bob opened the sheet before Alice saved: he sends no version (a new sheet) …
        var late = await PostSheetAsync(bob, id, "Save", [2, 2, 2, 2, 2, 2], "Decline", null, comment: "Bob's careful comment");
        // … or the version before her second save.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSheetAsync(alice, id, "Save", AllFour, "Endorse", 1)).StatusCode);
        var stale = await PostSheetAsync(bob, id, "Save", [2, 2, 2, 2, 2, 2], "Decline", 1);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = TestSubmissionsParse(await late.Content.ReadAsStringAsync());
        Assert.Contains("scorer saved this scoring sheet", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bob's careful comment", page.QuerySelector("textarea[name='Form.Scores[0].Comment']")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Form.Recommendation'][value='Decline'][checked]"));
        Assert.Equal("1", page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
        using (var db = world.App.OpenDb())
        {
            var review = await db.Reviews.SingleAsync();
            Assert.Equal((2, ReviewRecommendation.Endorse), (review.Version, review.Recommendation));
        }

        // Saving again from the conflict page replaces Alice's sheet knowingly.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSheetAsync(bob, id, "Save", [2, 2, 2, 2, 2, 2], "Decline", 2)).StatusCode);
        using (var db = world.App.OpenDb())
            Assert.Equal(ReviewRecommendation.Decline, (await db.Reviews.SingleAsync()).Recommendation);
    }

    [Fact]
    public async Task Reader_SeesTheSheet_ButCannotPost()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSheetAsync(scorer, id, "Save", [5, 4, 4, 4, 4, 4], "Endorse", null, summary: "A sound proposal.")).StatusCode);
        var reader = await world.SignInAsync(ReviewWorld.ReaderA);

        var page = await reader.GetPageAsync($"/review/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Page.QuerySelector("form.review-sheet-form"));
        var sheet = page.Page.QuerySelector("dl.review-sheet")!.TextContent;
        Assert.Contains("5 — very high", sheet, StringComparison.Ordinal);
        Assert.Contains("A sound proposal.", sheet, StringComparison.Ordinal);
        foreach (var handler in new[] { "Save", "Release", "Withdraw" })
        {
            var response = await PostSheetAsync(reader, id, handler, AllFour, "Decline", 1);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var db = world.App.OpenDb();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal((1, ReviewRecommendation.Endorse, (DateTime?)null), (review.Version, review.Recommendation, review.ReleasedAt));
        Assert.Equal(InvestmentCriterion.ImpactPotential, ReviewScores.Read(review.Scores)[0].Criterion);
    }

    [Fact]
    public async Task Scorer_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Scores[0].Score"] = "3" });

        var response = await scorer.PostAsync($"/review/{id}?handler=Save", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var db = world.App.OpenDb();
        Assert.Empty(await db.Reviews.ToListAsync());
    }

    private static AngleSharp.Dom.IDocument TestSubmissionsParse(string html) => Wizard.WizardBrowser.Parse(html);
}
