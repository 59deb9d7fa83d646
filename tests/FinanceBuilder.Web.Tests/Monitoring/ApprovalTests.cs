using System.Net;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Recording the approval of a submitted version: what the page suggests, what saving makes
/// (the plan copied from the version, one round per year, an audit event), and what it refuses.
public sealed class ApprovalTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ApprovalTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Get_SuggestsTheVersionsAmountsYearsAndRunningTotals()
    {
        var id = await browser.SubmittedAsync();

        var (page, form) = await browser.OpenFormAsync($"/proposals/{id}/versions/1/approve", "approve");

        Assert.Equal(["Grant", "SeniorLoan", ""], form.All.Where(f => f.Key.EndsWith(".Instrument", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Equal("4,001,000", form["Form.Amounts[0].Usd"]);
        Assert.Equal("4,364,000", form["Form.Amounts[1].Usd"]);
        // The sample starts on 31 March 2027 and runs 60 months: its last day is in 2032.
        Assert.Equal("2027", form["Form.FirstYear"]);
        Assert.Equal("2032", form["Form.LastYear"]);
        Assert.Equal("60", form["Form.DueDays"]);
        // People reached (IRMF core 2) are running totals; emission reductions are a year's own.
        Assert.Equal(["C2.1", "C2.2"], form.Values("Form.Cumulative"));
        Assert.True(form.Shows("Form.Cumulative"));
        Assert.Equal(23, page.Document.QuerySelectorAll("input[name='Form.Cumulative']").Length);
    }

    [Fact]
    public async Task Post_CopiesThePlan_MakesOneRoundPerYear_AndIsAudited()
    {
        var id = await browser.SubmittedAsync();

        var response = await browser.ApproveAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting?done=approved", response.Headers.Location!.OriginalString);
        using var db = app.OpenDb();
        var approval = await db.Approvals.SingleAsync(a => a.ProposalId == id);
        Assert.Equal(("B.36", new DateOnly(2025, 3, 14), new DateOnly(2025, 6, 30), 1), (approval.BoardMeeting, approval.ApprovedOn, approval.EffectiveOn, approval.SubmissionNumber));
        Assert.Equal([new ApprovedAmount(FinancialInstrument.Grant, 4_001_000m), new ApprovedAmount(FinancialInstrument.SeniorLoan, 4_364_000m)], ApprovedAmounts.Read(approval.ApprovedAmounts));
        var plan = await db.MonitoredIndicators.Where(i => i.ApprovalId == approval.Id).OrderBy(i => i.Position).ToListAsync();
        Assert.Equal(23, plan.Count);
        Assert.Equal(("C1.1", ResultLevel.Impact, 1770m, false, false), (plan[0].Code, plan[0].Level, plan[0].FinalTarget, plan[0].BySex, plan[0].Cumulative));
        var people = plan.Single(i => i.Code == "C2.1");
        Assert.True(people.BySex && people.Cumulative);
        Assert.Equal(Frequency.MidTermAndFinal, plan.Single(i => i.Code == "C2.2").Frequency);
        var rounds = await db.ReportingRounds.Where(r => r.ApprovalId == approval.Id).OrderBy(r => r.Year).ToListAsync();
        Assert.Equal([(2025, new DateOnly(2026, 3, 1)), (2026, new DateOnly(2027, 3, 1)), (2027, new DateOnly(2028, 2, 29))], rounds.Select(r => (r.Year, r.DueOn)));
        Assert.Single(await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "approved").ToListAsync());

        var overview = await browser.OpenAsync($"/proposals/{id}/reporting");
        Assert.Contains("B.36", overview.Text, StringComparison.Ordinal);
        Assert.Contains("USD 8,365,000", overview.Text, StringComparison.Ordinal);
        var states = overview.Document.QuerySelectorAll("table.monitoring-rounds tbody tr").Select(r => r.QuerySelector("td .tag")!.TextContent).ToList();
        Assert.Equal(["Late", "In progress", "Upcoming"], states);
        // Later edits of the proposal do not change the plan.
        await Submissions.SubmissionClient.EditTitleAsync(browser, id, "A new title after approval");
        Assert.Equal(23, await db.MonitoredIndicators.CountAsync(i => i.ApprovalId == approval.Id));
    }

    [Fact]
    public async Task Post_WithProblems_SaysEachOne_KeepsWhatWasTyped_AndStoresNothing()
    {
        var id = await browser.SubmittedAsync();

        var response = await browser.ApproveAsync(id, form =>
        {
            form.Set("Form.BoardMeeting", "");
            form.Set("Form.ApprovedOn", "2025-02-31");
            form.Set("Form.EffectiveOn", "2099-01-01");
            form.Set("Form.Amounts[0].Usd", "4 M");
            form.Set("Form.Amounts[1].Usd", "");
            form.Set("Form.FirstYear", "2030");
            form.Set("Form.LastYear", "2026");
            form.Set("Form.DueDays", "400");
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        var messages = page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent).ToList();
        Assert.Contains(messages, m => m.StartsWith("Give the Board meeting", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Date of approval: give a date such as 2026-03-16", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Grant: give an amount in US dollars", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Give the first and last years", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Give the number of days after 31 December", StringComparison.Ordinal));
        Assert.Equal("4 M", page.QuerySelector("#amount-0-usd")!.GetAttribute("value"));
        Assert.Equal("2025-02-31", page.QuerySelector("#ApprovedOn")!.GetAttribute("value"));
        using var db = app.OpenDb();
        Assert.False(await db.Approvals.AnyAsync(a => a.ProposalId == id));
    }

    [Fact]
    public async Task Post_InFrench_AnswersInFrench()
    {
        var id = await browser.SubmittedAsync();
        using var french = new WizardBrowser(app, "fr");

        var (page, form) = await french.OpenFormAsync($"/proposals/{id}/versions/1/approve", "approve");
        Assert.Equal("4 001 000", form["Form.Amounts[0].Usd"]!.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Contains("Enregistrer l’approbation", page.Text, StringComparison.Ordinal);
        form.Set("Form.BoardMeeting", "B.36");
        form.Set("Form.ApprovedOn", "2025-13-01");
        var response = await french.PostAsync($"/proposals/{id}/versions/1/approve", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Date d’approbation\u00A0: indiquez une date comme 16/03/2026.", WizardBrowser.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // A French date is read as French writes it.
        form.Set("Form.ApprovedOn", "14/03/2025");
        form.Set("Form.FirstYear", "2025");
        Assert.Equal(HttpStatusCode.Redirect, (await french.PostAsync($"/proposals/{id}/versions/1/approve", form)).StatusCode);
        using var db = app.OpenDb();
        Assert.Equal(new DateOnly(2025, 3, 14), (await db.Approvals.SingleAsync(a => a.ProposalId == id)).ApprovedOn);
    }

    [Fact]
    public async Task Approving_Twice_KeepsTheFirst()
    {
        var id = await browser.SubmittedAsync();
        // Two editors open the approval page; the first saves, then the second.
        var (_, late) = await browser.OpenFormAsync($"/proposals/{id}/versions/1/approve", "approve");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ApproveAsync(id)).StatusCode);
        late.Set("Form.BoardMeeting", "B.40");
        late.Set("Form.ApprovedOn", "2026-01-10");

        var second = await browser.PostAsync($"/proposals/{id}/versions/1/approve", late);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting?done=already", second.Headers.Location!.OriginalString);
        using var db = app.OpenDb();
        Assert.Equal("B.36", (await db.Approvals.SingleAsync(a => a.ProposalId == id)).BoardMeeting);
        // The approval page of an approved proposal leads to its monitoring page.
        var get = await browser.Client.GetAsync($"/proposals/{id}/versions/1/approve");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting", get.Headers.Location!.OriginalString);
    }
}
