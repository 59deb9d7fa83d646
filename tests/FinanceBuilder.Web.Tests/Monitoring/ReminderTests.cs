using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Reminders of reports coming due and late: which one a day calls for, sent once to the
/// organisation's editors and those of the agencies supporting it through the outbox, and none
/// once the report is marked sent.
public sealed class ReminderTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ReminderTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Theory]
    [InlineData(-61, null)]
    [InlineData(-60, -60)]
    [InlineData(-45, -60)]
    [InlineData(-30, -30)]
    [InlineData(-8, -30)]
    [InlineData(-7, -7)]
    [InlineData(-1, -7)]
    [InlineData(0, 0)]
    [InlineData(6, 0)]
    [InlineData(7, 7)]
    [InlineData(13, 7)]
    [InlineData(280, 280)]
    public void TheReminderOfADay_IsTheLatestThatCameDue(int daysFromDue, int? expected) =>
        Assert.Equal(expected, ReportingReminders.ReminderFor(daysFromDue));

    private async Task<int> SendAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingReminders>().SendDueAsync(today, today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), CancellationToken.None);
    }

    private string[] Outbox()
    {
        var folder = ((OutboxEmailSender)app.Services.GetRequiredService<IEmailSender>()).Folder;
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];
    }

    [Fact]
    public async Task ALateReport_IsRemindedOnce_ToTheEditors_UntilItIsMarkedSent()
    {
        var id = await browser.ApprovedAsync();
        await app.CreateUserAsync("reader@tamale.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        await app.CreateUserAsync("mayor@tamale.test", AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin);
        var before = Outbox().Length;

        // 2025's report was due on 1 March 2026: on 6 December it is 280 days late; 2026's is not
        // yet within 60 days of its due date.
        var sent = await SendAsync(new DateOnly(2026, 12, 6));
        var again = await SendAsync(new DateOnly(2026, 12, 8));

        var mails = Outbox()[before..];
        Assert.Equal(mails.Length, sent);
        Assert.Equal(0, again);
        Assert.DoesNotContain(mails, m => m.Contains("To: reader@tamale.test", StringComparison.Ordinal));
        var mayor = Assert.Single(mails, m => m.Contains("To: mayor@tamale.test", StringComparison.Ordinal));
        Assert.Contains("Subject: Report 2025 of Tamale Solar Public Buildings and LED Street Lighting Project, Ghana: late", mayor, StringComparison.Ordinal);
        Assert.Contains("was due on 1 March 2026 and is 280 days late", mayor, StringComparison.Ordinal);
        Assert.Contains($"/proposals/{id}/reporting/2025", mayor, StringComparison.Ordinal);
        using (var db = app.OpenDb())
            Assert.Equal([280], await db.Reminders.Where(r => r.ProposalId == id).Select(r => r.DaysFromDue).ToListAsync());

        // A week later, the next weekly reminder; once marked sent, none.
        Assert.True(await SendAsync(new DateOnly(2026, 12, 13)) > 0);
        var (page, _) = (await browser.OpenAsync($"/proposals/{id}/reporting"), 0);
        var form = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)page.Get("form[action*='handler=Sent'][action*='year=2025']"));
        var marked = await browser.PostAsync($"/proposals/{id}/reporting?handler=Sent&year=2025", form);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(0, await SendAsync(new DateOnly(2026, 12, 20)));
        var overview = await browser.FollowAsync(marked);
        Assert.Contains("Report 2025 is marked sent", overview.Text, StringComparison.Ordinal);
        Assert.Equal("Sent", overview.Document.QuerySelectorAll("table.monitoring-rounds tbody tr")[0].QuerySelector(".tag")!.TextContent);

        // Marked sent by mistake: reopened, the round is late again and the weekly reminders resume.
        var reopen = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)overview.Get("form[action*='handler=Reopen'][action*='year=2025']"));
        var reopened = await browser.FollowAsync(await browser.PostAsync($"/proposals/{id}/reporting?handler=Reopen&year=2025", reopen));
        Assert.Equal("Late", reopened.Document.QuerySelectorAll("table.monitoring-rounds tbody tr")[0].QuerySelector(".tag")!.TextContent);
        Assert.True(await SendAsync(new DateOnly(2026, 12, 27)) > 0);
        using var audit = app.OpenDb();
        Assert.Equal([("report-sent", "2025"), ("report-reopened", "2025")],
            (await audit.AuditEvents.Where(e => e.ProposalId == id && e.Action.StartsWith("report-")).OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Action, e.Summary)));
    }

    [Fact]
    public async Task TheAgencyThatReportsForTheMunicipality_IsRemindedToo()
    {
        var id = await browser.ApprovedAsync();
        var agency = await app.CreateOrganisationAsync("Northern planning agency", OrganisationKind.PlanningAgency);
        await app.LinkAgencyAsync(agency, AccessScope.WorkspaceOrganisationId);
        await app.CreateUserAsync("planner@agency.test", agency, MemberRole.Editor);
        await app.CreateUserAsync("head@agency.test", agency, MemberRole.OrganisationAdmin);
        await app.CreateUserAsync("intern@agency.test", agency, MemberRole.Reader);
        var elsewhere = await app.CreateOrganisationAsync("Southern planning agency", OrganisationKind.PlanningAgency);
        await app.CreateUserAsync("planner@south.test", elsewhere, MemberRole.Editor);
        var before = Outbox().Length;

        var sent = await SendAsync(new DateOnly(2026, 12, 6));

        var mails = Outbox()[before..];
        Assert.Equal(mails.Length, sent);
        var planner = Assert.Single(mails, m => m.Contains("To: planner@agency.test", StringComparison.Ordinal));
        Assert.Contains($"/proposals/{id}/reporting/2025", planner, StringComparison.Ordinal);
        Assert.Single(mails, m => m.Contains("To: head@agency.test", StringComparison.Ordinal));
        // The agency's readers, and an agency that does not support the municipality, are not told.
        Assert.DoesNotContain(mails, m => m.Contains("To: intern@agency.test", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Contains("To: planner@south.test", StringComparison.Ordinal));
        using var db = app.OpenDb();
        Assert.Equal(mails.Length, await db.Reminders.Where(r => r.ProposalId == id).SumAsync(r => r.Recipients));
    }

    [Fact]
    public async Task AReportComingDue_IsRemindedInTheProposalsLanguage()
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");
        Assert.Equal(HttpStatusCode.Redirect, (await Submissions.SubmissionClient.SubmitAsync(browser.Client, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ApproveAsync(id, form =>
        {
            form.Set("Form.Amounts[0].Instrument", "Grant");
            form.Set("Form.Amounts[0].Usd", "1,000,000");
        })).StatusCode);
        var before = Outbox().Length;

        // 30 days before 2026's report is due (1 March 2027).
        Assert.True(await SendAsync(new DateOnly(2027, 1, 30)) > 0);

        var mail = Outbox()[before..].First(m => m.Contains("Rapport 2026", StringComparison.Ordinal));
        Assert.Contains("est dû dans 30 jours, le 1er mars 2027", mail, StringComparison.Ordinal);
    }
}
