using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Monitoring;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Security;

/// Issue 19: two nodes on one database behave as one — a session and an antiforgery token minted
/// on node A work on node B (Data Protection keys and sessions in the database); sign-in failures
/// and request limits made on one count on the other; a reminder due is sent once though both
/// nodes run the reminders at the same moment, and so is a notification mail (at once or in the
/// digest); a file uploaded through one downloads from the other, and a content being stored on
/// one is never collected by the other at the same moment.
public sealed class SeveralNodesTests : IDisposable
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["FinanceBuilder:SignIn:FailuresPerAddress"] = "4",
        ["FinanceBuilder:Catalogue:PublicRequestsPerMinute"] = "6",
    };

    private readonly AppFactory a = new(settings: Limits);
    private readonly AppFactory b;

    public SeveralNodesTests() =>
        b = new AppFactory(settings: new Dictionary<string, string?>(a.Database.Settings.Concat(Limits)));

    public void Dispose()
    {
        b.Dispose();
        a.Dispose();
    }

    [Fact]
    public async Task ASessionAndAnAntiforgeryTokenMintedOnA_WorkOnB()
    {
        await a.CreateUserAsync("officer@nodes.test", AccessScope.WorkspaceOrganisationId);
        using var onA = new CookieJarClient(a.CreateBareClient());
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SignInAsync("officer@nodes.test")).StatusCode);
        var token = await onA.TokenAsync("/");
        using var onB = new CookieJarClient(b.CreateBareClient());

        // The same cookies, sent to node B.
        var read = await onB.GetAsync("/", onA.Cookies);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("officer", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form of node A's page posted to node B: signing out there ends the session everywhere.
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        signOut.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Redirect, (await onB.SendAsync(signOut, onA.Cookies)).StatusCode);
        Assert.True(SecurityKit.IsSignInRedirect(await onA.GetAsync("/")));
    }

    [Fact]
    public async Task SignInFailures_CountOnEveryNode()
    {
        await a.CreateUserAsync("officer@nodes.test", AccessScope.WorkspaceOrganisationId);
        using var onA = a.CreateBrowserClient();
        using var onB = b.CreateBrowserClient();

        // Four failures, two on each node, from the same address: the fifth try is refused on
        // either node, even with the right password.
        foreach (var client in new[] { onA, onB, onA, onB })
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("officer@nodes.test", "not the password")).StatusCode);

        var refused = await onA.SignInAsync("officer@nodes.test");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await onB.SignInAsync("officer@nodes.test")).StatusCode);
    }

    [Fact]
    public async Task ARequestLimit_IsSharedByTheNodes()
    {
        using var onA = a.CreateBrowserClient();
        using var onB = b.CreateBrowserClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await onA.GetAsync("/actions"));
            answers.Add(await onB.GetAsync("/actions"));
        }

        // Six a minute for the address, whichever node answers: requests 7 and 8 are refused, and
        // each refusal says when to come back (read from the refusals themselves: a ninth request
        // could fall in the next minute's window).
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), answers.Select(r => r.StatusCode));
        Assert.All(answers.Skip(6), refused => Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}"));
    }

    /// An annex file uploaded through node A (the database store, the default) downloads from B.
    [Fact]
    public async Task AFileUploadedOnA_DownloadsFromB()
    {
        using var browser = new WizardBrowser(a);
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);
        var pdf = Annexes.UploadFixtures.Pdf();
        Assert.Equal(HttpStatusCode.Redirect, (await Annexes.AnnexFilesClient.AttachAsync(browser.Client, id, "2", ("study.pdf", pdf))).StatusCode);
        Guid file;
        using (var db = a.OpenDb())
            file = await db.AnnexFiles.Where(f => f.ProposalId == id).Select(f => f.Id).SingleAsync();

        using var onB = await b.SignedInClientAsync(TestAccounts.DefaultEditor);
        var download = await onB.GetAsync($"/proposals/{id}/annexes/files/{file:N}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AReminder_IsSentOnce_WhenBothNodesRunTheReminders()
    {
        using var browser = new WizardBrowser(a);
        await browser.ApprovedAsync();
        var today = new DateOnly(2026, 12, 6);
        var now = today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);

        async Task<int> RunAsync(AppFactory node)
        {
            using var scope = node.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReportingReminders>().SendDueAsync(today, now, CancellationToken.None);
        }
        var sent = await Task.WhenAll(RunAsync(a), RunAsync(b), RunAsync(a), RunAsync(b));

        using var db = a.OpenDb();
        var reminders = await db.Reminders.ToListAsync();
        Assert.Single(reminders);
        Assert.Equal(reminders[0].Recipients, sent.Sum());
    }

    [Fact]
    public async Task ANotificationMail_IsSentOnce_WhenBothNodesRunTheMailer()
    {
        var person = await a.CreateUserAsync("reviewer@nodes.test", AccessScope.WorkspaceOrganisationId);
        var now = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        using (var db = a.OpenDb())
        {
            db.Access.ActAsSystem();
            db.Notifications.Add(new Web.Data.Notifications.Notification { Id = Guid.NewGuid(), UserId = person, Kind = Web.Data.Notifications.NotificationKind.Assigned, Title = "Tamale", Actor = "Ama", Link = "/review", CreatedAt = now.AddMinutes(-5), Email = Web.Data.Notifications.EmailDelivery.Immediate });
            foreach (var hours in new[] { 20, 10 })
                db.Notifications.Add(new Web.Data.Notifications.Notification { Id = Guid.NewGuid(), UserId = person, Kind = Web.Data.Notifications.NotificationKind.Commented, Title = "Tamale", Actor = "Kofi", Link = "/review", CreatedAt = now.AddHours(-hours), Email = Web.Data.Notifications.EmailDelivery.Digest });
            await db.SaveChangesAsync();
        }

        async Task<int> RunAsync(AppFactory node)
        {
            using var scope = node.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Web.Features.Notifications.NotificationMailer>().SendDueAsync(now, CancellationToken.None);
        }
        var sent = await Task.WhenAll(RunAsync(a), RunAsync(b), RunAsync(a), RunAsync(b));

        // One mail at once and one digest of the two waiting, whichever node sent them.
        Assert.Equal(2, sent.Sum());
        using var check = a.OpenDb();
        check.Access.ActAsSystem();
        Assert.Equal(3, await check.Notifications.CountAsync(n => n.UserId == person && n.EmailedAt != null));
    }

    /// PostgreSQL only (several nodes need it; SQLite serves one): test.sh's SQLite pass leaves it
    /// out (Database=PostgresOnly).
    [Fact]
    [Trait("Database", "PostgresOnly")]
    public async Task StoringAndCollectingAContent_NeverInterleave_AcrossNodes()
    {
        var key = new Web.Storage.BlobKey(AccessScope.WorkspaceOrganisationId, new string('a', 64));
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var onA = a.Services.GetRequiredService<Web.Storage.ContentStore>().ExclusiveAsync(key, async () =>
        {
            holding.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await holding.Task;

        var collectingOnB = b.Services.GetRequiredService<Web.Storage.ContentStore>().CollectAsync(key.OrganisationId, [key.Sha256], CancellationToken.None);

        // Node B is seen waiting for the lock node A holds, not merely slow to start.
        var waiting = 0L;
        for (var i = 0; i < 100 && waiting == 0 && !collectingOnB.IsCompleted; i++)
        {
            await Task.Delay(50);
            using var db = a.OpenDb();
            waiting = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").SingleAsync();
        }
        Assert.False(collectingOnB.IsCompleted, "node B collected while node A held the content (this test needs PostgreSQL: FB_TEST_POSTGRES, as test.sh gives it)");
        Assert.Equal(1, waiting);
        release.SetResult();
        await onA;
        await collectingOnB;
    }
}
