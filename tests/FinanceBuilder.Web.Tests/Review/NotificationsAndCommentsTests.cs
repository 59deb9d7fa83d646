using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Notifications;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Notifications;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinanceBuilder.Web.Tests.Review.ReviewPanelTests;

namespace FinanceBuilder.Web.Tests.Review;

/// Comments anchored to a section of the submitted document (the applicant reads them there once
/// the decision is released, and answers), and the notifications each step sends, honouring each
/// person's choice: the app only, an e-mail at once, or the daily digest.
public sealed class NotificationsAndCommentsTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<IReadOnlyList<string>> OutboxAsync(ReviewWorld world)
    {
        var folder = ((OutboxEmailSender)world.App.Services.GetRequiredService<IEmailSender>()).Folder;
        return Directory.Exists(folder) ? await Task.WhenAll(Directory.GetFiles(folder).Order().Select(f => File.ReadAllTextAsync(f))) : [];
    }

    private static async Task<int> MailAsync(ReviewWorld world, DateTime now)
    {
        using var scope = world.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync(now, CancellationToken.None);
    }

    [Fact]
    public async Task SectionComment_ReadByThePanel_ThenByTheApplicantOnceReleased_WhoAnswers()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA, world.DonorB);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        await DeclareAsync(scorer, id, "None");

        // The sheet page shows the document, its sections to comment on.
        var sheet = await scorer.GetPageAsync($"/review/{id}/sheet");
        Assert.NotNull(sheet.Page.QuerySelector(".review-document article.document-preview h1"));
        var option = sheet.Page.QuerySelectorAll("#comment-section option").First(o => o.TextContent.Contains("Financing", StringComparison.OrdinalIgnoreCase) && o.GetAttribute("value") is { Length: > 0 });
        var sectionId = option.GetAttribute("value")!;
        var heading = option.TextContent.TrimStart('—', ' ');

        // No section, or nothing written, is refused in words.
        var refused = await PostAsync(scorer, $"/review/{id}/sheet", $"/review/{id}/sheet?handler=Comment", ("CommentSection", "s99999"), ("CommentText", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedText = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Choose the section of the document your comment is about.", refusedText, StringComparison.Ordinal);
        Assert.Contains("Write the comment before adding it.", refusedText, StringComparison.Ordinal);

        var added = await PostAsync(scorer, $"/review/{id}/sheet", $"/review/{id}/sheet?handler=Comment", ("CommentSection", sectionId), ("CommentText", "The co-financing letter of the utility is missing <b>here</b>."));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var annotated = await scorer.GetPageAsync($"/review/{id}/sheet");
        var aside = annotated.Page.QuerySelector($"#{sectionId} + aside.section-comments");
        Assert.NotNull(aside);
        // The reviewer's text is text, never markup.
        Assert.Contains("The co-financing letter of the utility is missing <b>here</b>.", aside!.TextContent, StringComparison.Ordinal);
        Assert.Null(aside.QuerySelector("b"));

        // Before the decision is released the applicant sees nothing; donor B neither, ever.
        var before = await world.Applicant.GetPageAsync($"/proposals/{proposal}/versions/1/document");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.DoesNotContain("co-financing letter of the utility", before.Html, StringComparison.Ordinal);
        var donorB = await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync($"/review/{id}/sheet");
        Assert.DoesNotContain("co-financing letter of the utility", donorB.Html, StringComparison.Ordinal);

        var release = await PostAsync(scorer, $"/review/{id}", $"/review/{id}?handler=Release",
            [.. Enumerable.Range(0, 6).Select(i => ($"Form.Scores[{i}].Score", "4")), ("Form.Recommendation", "Endorse")]);
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);

        // Released: the comment shows under the same section of the applicant's document.
        var after = await world.Applicant.GetPageAsync($"/proposals/{proposal}/versions/1/document");
        var placed = after.Page.QuerySelector($"#{sectionId} + aside.section-comments");
        Assert.NotNull(placed);
        Assert.Contains("co-financing letter of the utility", placed!.TextContent, StringComparison.Ordinal);
        Assert.Equal(heading, after.Page.QuerySelector(".review-side .section-comment__section")!.TextContent.Trim());

        // The applicant answers; the reviewer reads the answer under the comment and is told.
        Guid commentId;
        using (var db = world.App.OpenDb())
            commentId = (await db.SectionComments.SingleAsync()).Id;
        var answer = await PostAsync(world.Applicant, $"/proposals/{proposal}/versions/1/document", $"/proposals/{proposal}/versions/1/document?handler=Answer",
            ("CommentId", commentId.ToString()), ("Answer", "The letter is annex 4b, signed on 12 February."));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var read = await scorer.GetPageAsync($"/review/{id}/sheet");
        Assert.Contains("The letter is annex 4b", read.Page.QuerySelector($"#c-{commentId:N} .section-comment__answer")!.TextContent, StringComparison.Ordinal);
        using (var db = world.App.OpenDb())
        {
            var scorerId = (await db.Users.SingleAsync(u => u.Email == ReviewWorld.ScorerA)).Id;
            Assert.Contains(await db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == scorerId).Select(n => n.Kind).ToListAsync(), k => k == NotificationKind.Answered);
        }
        // Answering a comment of another donor (not visible) is not found.
        var stray = await PostAsync(world.Applicant, $"/proposals/{proposal}/versions/1/document", $"/proposals/{proposal}/versions/1/document?handler=Answer",
            ("CommentId", Guid.NewGuid().ToString()), ("Answer", "?"));
        Assert.Equal(HttpStatusCode.NotFound, stray.StatusCode);
    }

    [Fact]
    public async Task Notifications_HonourEachPersonsChoice_AppOnly_AtOnce_OrTheDailyDigest()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.App.CreateUserAsync(SecondScorer, world.DonorA, MemberRole.Editor);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        var reader = await world.SignInAsync(ReviewWorld.ReaderA);
        var second = await world.SignInAsync(SecondScorer);

        // The reader keeps it to the app; the second scorer takes the digest for assignments.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reader, "/notifications", "/notifications?handler=Preferences",
            ("Email[Shared]", "None"), ("Email[Assigned]", "None"), ("Email[Commented]", "None"), ("Email[Answered]", "None"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, "/notifications", "/notifications?handler=Preferences",
            ("Email[Shared]", "Digest"), ("Email[Assigned]", "Digest"), ("Email[Commented]", "Immediate"), ("Email[Answered]", "Immediate"))).StatusCode);
        var bad = await PostAsync(second, "/notifications", "/notifications?handler=Preferences", ("Email[Shared]", "Pigeon"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);

        // (Sharing's notification is seen in the browser journey, which submits through the page.)
        var (_, id) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var secondId = Guid.Empty;
        using (var db = world.App.OpenDb())
            secondId = (await db.Users.SingleAsync(u => u.Email == SecondScorer)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(scorer, $"/review/{id}", $"/review/{id}/team?handler=Assign", ("ReviewerId", secondId.ToString()))).StatusCode);

        var page = await second.GetPageAsync("/notifications");
        Assert.Contains("scorer asked you to review", page.Page.QuerySelector("ul.notifications")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Notifications (1 new)", page.Page.QuerySelector(".account-notifications")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/review/{id}/sheet", page.Page.QuerySelector("ul.notifications a")!.GetAttribute("href"));
        // Nobody else reads it.
        Assert.Null((await reader.GetPageAsync("/notifications")).Page.QuerySelector("ul.notifications"));

        // The digest choice: no mail at once, one digest after the morning hour.
        var sameDay = DateTime.UtcNow;
        Assert.Equal(0, await MailAsync(world, sameDay));
        Assert.Empty(await OutboxAsync(world));
        var nextMorning = sameDay.Date.AddDays(1).AddHours(NotificationMailer.DigestHour).AddMinutes(1);
        Assert.Equal(1, await MailAsync(world, nextMorning));
        var digest = Assert.Single(await OutboxAsync(world));
        Assert.Contains("To: " + SecondScorer, digest, StringComparison.Ordinal);
        Assert.Contains("FinanceBuilder: 1 new notification", digest, StringComparison.Ordinal);
        Assert.Contains("/review/" + id + "/sheet", digest, StringComparison.Ordinal);
        // Sent once: the next run finds nothing.
        Assert.Equal(0, await MailAsync(world, nextMorning.AddMinutes(5)));

        // A comment: the second scorer wants it at once, the reader (not on the panel) hears nothing.
        await DeclareAsync(second, id, "None");
        await DeclareAsync(scorer, id, "None");
        var option = (await scorer.GetPageAsync($"/review/{id}/sheet")).Page.QuerySelectorAll("#comment-section option").Skip(1).First().GetAttribute("value")!;
        await PostAsync(scorer, $"/review/{id}/sheet", $"/review/{id}/sheet?handler=Comment", ("CommentSection", option), ("CommentText", "See the baseline."));
        Assert.Equal(1, await MailAsync(world, nextMorning.AddMinutes(10)));
        var mails = await OutboxAsync(world);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Contains("Subject: New review comment on", StringComparison.Ordinal) && m.Contains("To: " + SecondScorer, StringComparison.Ordinal));

        // Marking read clears the count.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, "/notifications", "/notifications?handler=Read")).StatusCode);
        Assert.Equal("Notifications", (await second.GetPageAsync("/notifications")).Page.QuerySelector(".account-notifications")!.TextContent.Trim());
    }
}
