using System.Net;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Review.Rubric;
using FinanceBuilder.Web.Features.Review.Workflow;
using FinanceBuilder.Web.Rules;
using Microsoft.EntityFrameworkCore;
using static FinanceBuilder.Web.Tests.Review.ReviewPanelTests;

namespace FinanceBuilder.Web.Tests.Review;

/// The rubric read beside each score (the GCF's by default, adapted per call as data) and the
/// consensus arithmetic, and the deadline each submission shows.
public sealed class RubricAndConsensusTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DefaultRubric_HasEveryCriterion_FiveLevels_InEnglishAndFrench()
    {
        var rubric = Rubric.Default;
        Assert.Equal(Enum.GetValues<InvestmentCriterion>(), rubric.Criteria.Select(c => c.Criterion));
        foreach (var criterion in rubric.Criteria)
        {
            Assert.Equal(5, criterion.Levels.Count);
            Assert.NotEmpty(criterion.Factors);
            foreach (var text in criterion.Levels.Concat(criterion.Factors).Append(criterion.Guidance))
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En));
                Assert.False(string.IsNullOrWhiteSpace(text.Fr), text.En);
                // French typography: a no-break space before the high punctuation.
                Assert.DoesNotMatch(" [:;?!]", text.Fr!);
            }
        }
        // Paradigm shift names the GCF's sub-criteria.
        var paradigm = string.Join(" ", rubric.For(InvestmentCriterion.ParadigmShift).Factors.Select(f => f.En));
        foreach (var word in new[] { "scaling up", "Knowledge", "Enabling environment", "Regulatory framework" })
            Assert.Contains(word, paradigm, StringComparison.OrdinalIgnoreCase);
        // A stored rubric that cannot be read falls back to the default rather than failing.
        Assert.Same(Rubric.Default, Rubric.Read("{not json"));
    }

    [Fact]
    public void Consensus_CountsOnlyHandedInSheetsOfReviewersWithoutConflict()
    {
        static ReviewerSheet Sheet(ConflictDeclaration? conflict, bool handedIn, ReviewRecommendation? recommendation, params int?[] scores) => new()
        {
            Conflict = conflict,
            SubmittedAt = handedIn ? DateTime.UtcNow : null,
            Recommendation = recommendation,
            Scores = ReviewScores.Write(Enum.GetValues<InvestmentCriterion>().Select((c, i) => new CriterionScore(c, scores[i], null))),
        };
        var consensus = Consensus.Of([
            Sheet(ConflictDeclaration.None, true, ReviewRecommendation.Endorse, 5, 3, 4, 4, null, 2),
            Sheet(ConflictDeclaration.None, true, ReviewRecommendation.Decline, 3, 3, 4, 2, 4, 2),
            Sheet(ConflictDeclaration.None, true, ReviewRecommendation.Endorse, 4, 4, 4, 5, 4, 2),
            // Excluded, and one not handed in: neither counts.
            Sheet(ConflictDeclaration.Declared, true, ReviewRecommendation.Decline, 1, 1, 1, 1, 1, 1),
            Sheet(ConflictDeclaration.None, false, ReviewRecommendation.Decline, 1, 1, 1, 1, 1, 1),
        ]);
        Assert.Equal((3, 1, 1), (consensus.Submitted, consensus.Excluded, consensus.Pending));
        var impact = consensus.Criteria[0];
        Assert.Equal((3, 4m, 3, 5, 2, true, 4), (impact.Count, impact.Average!.Value, impact.Lowest!.Value, impact.Highest!.Value, impact.Spread!.Value, impact.Disagreement, impact.Rounded!.Value));
        Assert.False(consensus.Criteria[1].Disagreement);
        Assert.Equal(3.33m, consensus.Criteria[1].Average);
        Assert.Equal(3, consensus.Criteria[1].Rounded);
        Assert.True(consensus.Criteria[3].Disagreement);
        // A criterion one reviewer left empty counts the others.
        Assert.Equal((2, 4m), (consensus.Criteria[4].Count, consensus.Criteria[4].Average!.Value));
        Assert.Equal([(ReviewRecommendation.Endorse, 2), (ReviewRecommendation.Decline, 1)], consensus.Recommendations);
        Assert.True(consensus.RecommendationsDiffer);
    }

    [Fact]
    public async Task AdaptedRubric_IsWhatTheCallsReviewersRead_InTheirLanguage()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        var created = await PostAsync(scorer, "/review/calls", "/review/calls", ("Name", "Coastal cities 2027"), ("Deadline", "2027-05-15"));
        var call = created.Headers.Location!.OriginalString.Split('?')[0];

        // The edit form holds the GCF rubric; one level is rewritten in both languages.
        var form = await scorer.GetPageAsync(call);
        var fields = form.Page.QuerySelectorAll("form.call-form textarea, form.call-form input[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.TagName == "TEXTAREA" ? e.TextContent : e.GetAttribute("value") ?? ""))
            .Where(f => f.Name != "__RequestVerificationToken")
            .ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(Rubric.Default.Criteria[0].Levels[4].En, fields["Rubric.Criteria[0].LevelsEn[4]"]);
        fields["Rubric.Criteria[0].LevelsEn[4]"] = "Avoids at least 1 million tCO2e over the lifetime.";
        fields["Rubric.Criteria[0].LevelsFr[4]"] = "Évite au moins 1 million de tCO2e sur la durée de vie.";
        var saved = await PostAsync(scorer, call, call + "?handler=Save", [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // An empty English level is refused, naming the criterion and the score; nothing changes.
        var version = (await scorer.GetPageAsync(call)).Page.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        fields["Version"] = version;
        fields["Rubric.Criteria[1].LevelsEn[2]"] = " ";
        var refused = await PostAsync(scorer, call, call + "?handler=Save", [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Paradigm shift potential: \u201cScore 3\u201d is empty in English.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The submission joins the call: its reviewers read the adapted level, in English and in
        // French, and the call's deadline becomes the submission's.
        var callId = call.Split('/')[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(scorer, $"/review/{id}", $"/review/{id}/team?handler=Settings", ("CallId", callId), ("Deadline", ""))).StatusCode);
        await DeclareAsync(scorer, id, "None");
        var sheet = await scorer.GetPageAsync($"/review/{id}/sheet");
        Assert.Equal("Avoids at least 1 million tCO2e over the lifetime.", sheet.Page.QuerySelector("#level-0-5")!.TextContent);
        Assert.Equal(Rubric.Default.Criteria[1].Levels[2].En, sheet.Page.QuerySelector("#level-1-3")!.TextContent);
        var french = await (await world.SignInAsync(ReviewWorld.ScorerA, "fr")).GetPageAsync($"/review/{id}/sheet");
        Assert.Equal("Évite au moins 1 million de tCO2e sur la durée de vie.", french.Page.QuerySelector("#level-0-5")!.TextContent);
        var page = await scorer.GetPageAsync($"/review/{id}");
        Assert.Contains("Review due by 15 May 2027", page.Page.Text(), StringComparison.Ordinal);
        Assert.Contains("Call: Coastal cities 2027", page.Page.Text(), StringComparison.Ordinal);

        // Back to the GCF's rubric.
        version = (await scorer.GetPageAsync(call)).Page.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(scorer, call, call + "?handler=Reset", ("Version", version))).StatusCode);
        using var db = world.App.OpenDb();
        Assert.Null((await db.ReviewCalls.SingleAsync()).Rubric);
    }

    [Fact]
    public async Task Deadline_IsTheSubmissionsOwn_ElseTheTargetedBoard_AndSortsWithoutDeadlinesLast()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var (_, second) = await world.SubmitSampleAsync(Tamale, Day.AddDays(1), world.DonorA);
        var (_, third) = await world.SubmitSampleAsync(Tamale, Day.AddDays(2), world.DonorA);
        using (var db = world.App.OpenDb())
        {
            (await db.Submissions.SingleAsync(s => s.Id == first)).TargetBoardDate = new DateOnly(2027, 6, 1);
            (await db.Submissions.SingleAsync(s => s.Id == second)).TargetBoardDate = null;
            (await db.Submissions.SingleAsync(s => s.Id == third)).TargetBoardDate = new DateOnly(2027, 9, 1);
            await db.SaveChangesAsync();
        }
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        // The donor's own deadline wins over the Board meeting.
        await PostAsync(scorer, $"/review/{third}", $"/review/{third}/team?handler=Settings", ("Deadline", "2027-02-01"));

        foreach (var dir in new[] { "asc", "desc" })
        {
            var list = await scorer.GetPageAsync($"/review?sort=Deadline&dir={dir}&latest=false");
            var order = list.Page.QuerySelectorAll("td.title a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(dir == "asc" ? [$"/review/{third}", $"/review/{first}", $"/review/{second}"] : [$"/review/{first}", $"/review/{third}", $"/review/{second}"], order);
        }
        var dates = (await scorer.GetPageAsync("/review?sort=Deadline&latest=false")).Page.QuerySelectorAll("tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1 Feb 2027", "1 Jun 2027", "—"], dates);
    }

    /// The list sorts by the reviewer assigned (the first by name), nobody assigned last.
    [Fact]
    public async Task TheList_SortsByAssignee_WithTheUnassignedLast()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, zoe) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var (_, nobody) = await world.SubmitSampleAsync(Tamale, Day.AddDays(1), world.DonorA);
        var (_, amadou) = await world.SubmitSampleAsync(Tamale, Day.AddDays(2), world.DonorA);
        using (var db = world.App.OpenDb())
        {
            foreach (var (submission, name) in new[] { (zoe, "Zoé Kaboré"), (amadou, "Amadou Diallo"), (amadou, "Ruth Mensah") })
            {
                db.ReviewerSheets.Add(new FinanceBuilder.Web.Data.Submissions.ReviewerSheet
                {
                    Id = Guid.NewGuid(),
                    SubmissionId = submission,
                    DonorOrganisationId = world.DonorA,
                    ReviewerUserId = Guid.NewGuid(),
                    ReviewerName = name,
                    AssignedAt = Day,
                    AssignedByName = "Lead",
                });
            }
            await db.SaveChangesAsync();
        }
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);

        foreach (var dir in new[] { "asc", "desc" })
        {
            var list = await scorer.GetPageAsync($"/review?sort=Assignee&dir={dir}&latest=false");
            var order = list.Page.QuerySelectorAll("td.title a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(dir == "asc" ? [$"/review/{amadou}", $"/review/{zoe}", $"/review/{nobody}"] : [$"/review/{zoe}", $"/review/{amadou}", $"/review/{nobody}"], order);
        }
    }
}
