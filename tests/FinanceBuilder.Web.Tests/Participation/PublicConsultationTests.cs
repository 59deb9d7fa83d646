using System.Diagnostics;
using System.Net;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Participation;

/// The public consultation page: the officer opens it, a resident comments without an account,
/// nothing shows before a moderator publishes it, and the organisation's response appears beside
/// it; floods, markup, bots and closed periods are refused and store nothing.
public sealed class PublicConsultationTests(ITestOutputHelper output) : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:Participation:PostsPerAddressPerHour"] = "6" });
    private WizardBrowser? officerBrowser;
    private WizardBrowser Officer => officerBrowser ??= new WizardBrowser(app);

    public void Dispose()
    {
        officerBrowser?.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task AResidentComments_AModeratorPublishes_TheOfficerResponds()
    {
        var (id, page) = await Officer.OpenedAsync();
        var settings = await Officer.OpenAsync($"/proposals/{id}/consultations/public");
        Assert.Contains($"/consult/{page}", settings.Html, StringComparison.Ordinal);
        Assert.Contains("Residents should read it easily.", settings.Text, StringComparison.Ordinal);

        using var resident = WizardBrowser.Anonymous(app);
        var publicPage = await resident.OpenAsync($"/consult/{page}");
        Assert.Contains("Traders will pay less for light.", publicPage.Text, StringComparison.Ordinal);
        Assert.Contains("Which market first?", publicPage.Text, StringComparison.Ordinal);

        var sent = await resident.CommentAsync(page, "Start with Aboabo market: it floods least.", form =>
        {
            form.Set("Form.Question", "0");
            form.Set("Form.Contact", "ama@example.org");
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await resident.FollowAsync(sent);
        Assert.Contains("It will appear here once a moderator has read it.", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aboabo", after.Text, StringComparison.Ordinal);

        var moderation = await Officer.OpenAsync($"/proposals/{id}/consultations/moderation");
        Assert.Contains("Aboabo", moderation.Text, StringComparison.Ordinal);
        Assert.Contains("ama@example.org", moderation.Text, StringComparison.Ordinal);
        var published = await Officer.PostFormAsync($"/proposals/{id}/consultations/moderation", "moderation",
            form => form.Set("Ids", moderation.Get("input[name=Ids]").GetAttribute("value")!), "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var responded = await Officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "response", form =>
        {
            form.Set("Reply.Disposition", "DesignChanged");
            form.Set("Reply.Response", "Aboabo comes first in the works plan.");
            form.Set("Reply.SectionChanged", "timetable");
        }, "Respond");
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);

        var shown = await resident.OpenAsync($"/consult/{page}");
        Assert.Contains("Start with Aboabo market: it floods least.", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Aboabo comes first in the works plan.", shown.Text, StringComparison.Ordinal);
        // The contact is the organisation's to answer with, never the public's.
        Assert.DoesNotContain("ama@example.org", shown.Html, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.ProposalId == id && (e.Action == "comments-published" || e.Action == "input-response")));
    }

    [Fact]
    public async Task Markup_Bots_Floods_AndAClosedPeriod_AreRefused_AndStoreNothing()
    {
        var (id, page) = await Officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);

        var markup = await resident.CommentAsync(page, "Nice <script>alert(1)</script>");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, markup.StatusCode);
        Assert.Contains("Write plain text", await markup.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noConsent = await resident.CommentAsync(page, "A fair comment", form => form.Remove("Form.Consent"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noConsent.StatusCode);

        var huge = await resident.CommentAsync(page, new string('a', 200_000));
        Assert.Contains(huge.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity });

        var bot = await resident.CommentAsync(page, "Cheap watches", form => form.Set("Form.Website", "http://spam.example"));
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);

        // Six posts an hour from one address (this test's setting): the fifth and sixth are taken
        // into account, the seventh is refused, whatever it holds.
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "First real comment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Second real comment")).StatusCode);
        var flood = await resident.CommentAsync(page, "Third real comment");
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        // Until the first post of the hour leaves it.
        Assert.InRange(flood.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 55, 60);
        Assert.Contains("Too many comments", await flood.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var db = app.OpenDb())
        {
            var stored = await db.ParticipationInputs.Where(i => i.ProposalId == id).Select(i => i.Text).ToListAsync();
            Assert.Equal(["First real comment", "Second real comment"], stored.Order());
            // Addresses are counted as hashes, never kept as they are.
            Assert.NotEmpty(await db.Set<Data.RateCounter>().ToListAsync());
            Assert.All(await db.Set<Data.RateCounter>().ToListAsync(), c => Assert.Matches("^[0-9a-f]{64}$", c.Key));
        }

        // Closed: the form is gone and a post is refused.
        var (otherId, closedPage) = await Officer.OpenedAsync(form =>
        {
            form.Set("Form.OpensOn", "2024-01-01");
            form.Set("Form.ClosesOn", "2024-02-01");
        });
        using var late = WizardBrowser.Anonymous(app);
        var closed = await late.OpenAsync($"/consult/{closedPage}");
        Assert.Contains("This consultation is closed", closed.Text, StringComparison.Ordinal);
        Assert.Null(closed.Find("form[data-form='comment']"));
        using var db2 = app.OpenDb();
        Assert.False(await db2.ParticipationInputs.AnyAsync(i => i.ProposalId == otherId));
    }

    [Fact]
    public async Task AThousandComments_AreModeratedFromOneScreen()
    {
        var (id, page) = await Officer.OpenedAsync();
        using (var db = app.OpenDb())
        {
            var owner = await db.Proposals.Where(p => p.Id == id).Select(p => p.OwnerOrganisationId).SingleAsync();
            var start = DateTime.UtcNow.AddHours(-2);
            db.ParticipationInputs.AddRange(Enumerable.Range(0, 1000).Select(i => new ParticipationInput
            {
                Id = Guid.NewGuid(),
                ProposalId = id,
                OrganisationId = owner,
                Source = InputSource.PublicPage,
                Text = $"Comment number {i}",
                ReceivedAt = start.AddSeconds(i),
                Moderation = Moderation.Pending,
            }));
            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        var screen = await Officer.OpenAsync($"/proposals/{id}/consultations/moderation");
        var drawn = watch.ElapsedMilliseconds;
        Assert.Equal(1000, screen.Document.QuerySelectorAll("input[name=Ids]").Length);

        // Tick them all (as "select all" would) and publish: one post, one update.
        watch.Restart();
        var form = FormFields.Read(ParticipationKit.FormOf(screen, "moderation"));
        form.Set("Ids", screen.Document.QuerySelectorAll("input[name=Ids]").Select(box => box.GetAttribute("value")!).ToArray());
        var published = await Officer.PostAsync($"/proposals/{id}/consultations/moderation?handler=Publish", form);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        output.WriteLine($"1,000 comments: screen drawn in {drawn} ms, all published in {watch.ElapsedMilliseconds} ms");

        using var check = app.OpenDb();
        Assert.Equal(1000, await check.ParticipationInputs.CountAsync(i => i.ProposalId == id && i.Moderation == Moderation.Published));
        using var resident = WizardBrowser.Anonymous(app);
        var shown = await resident.OpenAsync($"/consult/{page}");
        Assert.Contains("Published comments (1000)", shown.Text, StringComparison.Ordinal);
        Assert.Equal(30, shown.Document.QuerySelectorAll("ol.public-comments > li").Length);
    }

    [Fact]
    public async Task RejectingAllShown_LeavesACommentThatArrivedAfterTheScreenWasDrawn()
    {
        var (id, page) = await Officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Buy cheap followers")).StatusCode);
        var screen = await Officer.OpenAsync($"/proposals/{id}/consultations/moderation");
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "A real worry about the roof loads")).StatusCode);

        var rejected = await Officer.PostAsync($"/proposals/{id}/consultations/moderation?handler=Reject", FormFields.Read(ParticipationKit.FormOf(screen, "moderation-all")));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        using var db = app.OpenDb();
        var left = await db.ParticipationInputs.Where(i => i.ProposalId == id).ToDictionaryAsync(i => i.Text, i => i.Moderation);
        Assert.Equal(Moderation.Rejected, left["Buy cheap followers"]);
        Assert.Equal(Moderation.Pending, left["A real worry about the roof loads"]);
    }
}
