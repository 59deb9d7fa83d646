using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Amending a recorded approval: the effectiveness date that comes later, a mistyped amount, a
/// new number of days for the reports (re-dating only the rounds not yet sent), each audited;
/// readers and other organisations cannot, and a bad date changes nothing.
public sealed class AmendApprovalTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AmendApprovalTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// Approved without an effectiveness date, with 2025's report already sent.
    private async Task<Guid> ApprovedWithoutEffectiveDateAsync()
    {
        var id = await browser.SubmittedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ApproveAsync(id, form => form.Set("Form.EffectiveOn", ""))).StatusCode);
        using var db = app.OpenDb();
        var sent = await db.ReportingRounds.SingleAsync(r => r.ProposalId == id && r.Year == 2025);
        sent.SentAt = new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc);
        sent.SentByName = "Ama";
        await db.SaveChangesAsync();
        return id;
    }

    private Task<HttpResponseMessage> AmendAsync(Guid id, Action<FormFields> change) => AmendAsync(browser, id, change);

    private static async Task<HttpResponseMessage> AmendAsync(WizardBrowser who, Guid id, Action<FormFields> change)
    {
        var (_, form) = await who.OpenFormAsync($"/proposals/{id}/reporting/approval", "amend-approval");
        change(form);
        return await who.PostAsync($"/proposals/{id}/reporting/approval", form);
    }

    [Fact]
    public async Task Amending_AddsTheEffectivenessDate_FixesAnAmount_AndRedatesOnlyTheRoundsNotSent()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();
        var overview = await browser.OpenAsync($"/proposals/{id}/reporting");
        Assert.Equal($"/proposals/{id}/reporting/approval", overview.Get("a[data-link='amend-approval']").GetAttribute("href"));
        var (page, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/approval", "amend-approval");
        Assert.Equal(("B.36", "2025-03-14", "", "4,001,000", "60"), (form["Form.BoardMeeting"], form["Form.ApprovedOn"], form["Form.EffectiveOn"], form["Form.Amounts[0].Usd"], form["Form.DueDays"]));
        // The years and the plan are shown, not offered.
        Assert.Contains("2025 to 2027", page.Get(".amend-fixed").TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Form.FirstYear']"));

        var response = await AmendAsync(id, f =>
        {
            f.Set("Form.EffectiveOn", "2025-09-01");
            f.Set("Form.Amounts[0].Usd", "4,100,000");
            f.Set("Form.DueDays", "90");
            // A changed year in the post is ignored: the years stay as recorded.
            f.Set("Form.FirstYear", "2020");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting?done=amended", response.Headers.Location!.OriginalString);
        using var db = app.OpenDb();
        var approval = await db.Approvals.SingleAsync(a => a.ProposalId == id);
        Assert.Equal((new DateOnly(2025, 9, 1), 90, 2025, 2027), (approval.EffectiveOn, approval.DueDaysAfterYearEnd, approval.FirstYear, approval.LastYear));
        Assert.Equal([new ApprovedAmount(FinancialInstrument.Grant, 4_100_000m), new ApprovedAmount(FinancialInstrument.SeniorLoan, 4_364_000m)], ApprovedAmounts.Read(approval.ApprovedAmounts));
        var rounds = await db.ReportingRounds.Where(r => r.ProposalId == id).OrderBy(r => r.Year).Select(r => new { r.Year, r.DueOn }).ToListAsync();
        // 2025's report was sent against 1 March 2026 and keeps it; the others move to 90 days.
        Assert.Equal([(2025, new DateOnly(2026, 3, 1)), (2026, new DateOnly(2027, 3, 31)), (2027, new DateOnly(2028, 3, 30))], rounds.Select(r => (r.Year, r.DueOn)));
        var audit = await db.AuditEvents.SingleAsync(e => e.ProposalId == id && e.Action == "approval-amended");
        Assert.Equal("Approval amended: effectiveness date — → 2025-09-01; Grant USD 4,001,000 → 4,100,000; report due 60 → 90 days after year end; 2 rounds not yet sent re-dated", audit.Summary);

        var after = await browser.FollowAsync(response);
        Assert.Contains("The approval is amended.", after.Text, StringComparison.Ordinal);
        Assert.Contains("1 September 2025", after.Text, StringComparison.Ordinal);
        Assert.Contains("Each year's report is due 90 days after 31 December.", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingWithoutAChange_StoresAndAuditsNothing()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();

        var response = await AmendAsync(id, _ => { });

        Assert.Equal($"/proposals/{id}/reporting?done=unchanged", response.Headers.Location!.OriginalString);
        using var db = app.OpenDb();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ProposalId == id && e.Action == "approval-amended"));
    }

    [Fact]
    public async Task ABadDate_GetsItsMessage_AndChangesNothing()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();

        var response = await AmendAsync(id, f =>
        {
            f.Set("Form.EffectiveOn", "2025-02-31");
            f.Set("Form.DueDays", "90");
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Date the funded activity agreement took effect: give a date such as 2026-03-16."], page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent.Trim()));
        Assert.Equal("2025-02-31", page.QuerySelector("#EffectiveOn")!.GetAttribute("value"));
        using var db = app.OpenDb();
        var approval = await db.Approvals.SingleAsync(a => a.ProposalId == id);
        Assert.Equal((null, 60), (approval.EffectiveOn, approval.DueDaysAfterYearEnd));
        Assert.Equal(new DateOnly(2027, 3, 1), (await db.ReportingRounds.SingleAsync(r => r.ProposalId == id && r.Year == 2026)).DueOn);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ProposalId == id && e.Action == "approval-amended"));
    }

    [Fact]
    public async Task AReader_SeesTheApprovalButCannotAmendIt_AndAnotherOrganisationFindsNothing()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();
        await app.CreateUserAsync("reader@tamale.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        var other = await app.CreateOrganisationAsync("Another town", OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@other.test", other, MemberRole.Editor);

        using var reader = await app.SignedInClientAsync("reader@tamale.test");
        Assert.DoesNotContain("data-link=\"amend-approval\"", await reader.GetStringAsync($"/proposals/{id}/reporting"), StringComparison.Ordinal);
        var readerPage = WizardBrowser.Parse(await reader.GetStringAsync($"/proposals/{id}/reporting/approval")).Body!.TextContent;
        Assert.Contains("Only the organisation's editors can amend the approval.", readerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the changes", readerPage, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Tenancy.Calls.TokenAsync(reader),
            ["Form.BoardMeeting"] = "B.37",
            ["Form.ApprovedOn"] = "2025-03-14",
            ["Form.Amounts[0].Instrument"] = "Grant",
            ["Form.Amounts[0].Usd"] = "1,000",
            ["Form.DueDays"] = "30",
        };
        using (var post = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/reporting/approval") { Content = new FormUrlEncodedContent(fields) })
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(post)).StatusCode);

        using var stranger = await app.SignedInClientAsync("editor@other.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/proposals/{id}/reporting/approval")).StatusCode);
        fields["__RequestVerificationToken"] = await Tenancy.Calls.TokenAsync(stranger);
        using (var post = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/reporting/approval") { Content = new FormUrlEncodedContent(fields) })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(post)).StatusCode);

        using var db = app.OpenDb();
        // Read whole, then compared: PostgreSQL's provider does not read a tuple from SQL.
        var kept = await db.Approvals.AsNoTracking().SingleAsync(a => a.ProposalId == id);
        Assert.Equal(("B.36", 60), (kept.BoardMeeting, kept.DueDaysAfterYearEnd));
    }

    [Fact]
    public async Task InFrench_ThePageAndItsNoticeAreFrench()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();
        using var french = new WizardBrowser(app, "fr");

        var (page, form) = await french.OpenFormAsync($"/proposals/{id}/reporting/approval", "amend-approval");
        Assert.Contains("Modifier l’approbation", page.Text, StringComparison.Ordinal);
        Assert.Equal("14/03/2025", form["Form.ApprovedOn"]);
        form.Set("Form.EffectiveOn", "01/09/2025");
        var response = await french.PostAsync($"/proposals/{id}/reporting/approval", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("L’approbation est modifiée.", (await french.FollowAsync(response)).Text, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Equal(new DateOnly(2025, 9, 1), (await db.Approvals.SingleAsync(a => a.ProposalId == id)).EffectiveOn);
    }

    [Fact]
    public async Task AnAmendmentFromAPageOpenedBeforeAnother_IsRefused_ShowingBoth_ThenSavedByChoice()
    {
        var id = await ApprovedWithoutEffectiveDateAsync();
        var (_, stale) = await browser.OpenFormAsync($"/proposals/{id}/reporting/approval", "amend-approval");
        Assert.Equal(HttpStatusCode.Redirect, (await AmendAsync(id, form => form.Set("Form.EffectiveOn", "2025-07-01"))).StatusCode);
        stale.Set("Form.BoardMeeting", "B.37");

        var refused = await browser.PostAsync($"/proposals/{id}/reporting/approval", stale);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = WizardBrowser.Parse(await refused.Content.ReadAsStringAsync());
        var notice = page.QuerySelector(".notice--warning")!.TextContent;
        Assert.Contains("Someone amended the approval after you opened this page", notice, StringComparison.Ordinal);
        Assert.Contains("1 July 2025", notice, StringComparison.Ordinal);
        // The form holds the other amendment with this person's change laid over it.
        Assert.Equal("B.37", page.QuerySelector("input[name='Form.BoardMeeting']")!.GetAttribute("value"));
        Assert.Equal("2025-07-01", page.QuerySelector("input[name='Form.EffectiveOn']")!.GetAttribute("value"));
        using (var db = app.OpenDb())
        {
            var approval = await db.Approvals.SingleAsync(a => a.ProposalId == id);
            Assert.Equal(("B.36", new DateOnly(2025, 7, 1), 1), (approval.BoardMeeting, approval.EffectiveOn!.Value, approval.Version));
        }

        // Saved again from that page, having seen the other amendment: it goes through, keeping it.
        var again = FormFields.Read((IHtmlFormElement)page.QuerySelector("form[data-form='amend-approval']")!);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting/approval", again)).StatusCode);
        using var after = app.OpenDb();
        var saved = await after.Approvals.SingleAsync(a => a.ProposalId == id);
        Assert.Equal(("B.37", new DateOnly(2025, 7, 1), 2), (saved.BoardMeeting, saved.EffectiveOn!.Value, saved.Version));
    }
}
