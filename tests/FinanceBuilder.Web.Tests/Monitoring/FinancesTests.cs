using System.Net;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// A round's finances and plans: lines against the approved budget and co-financing, the action
/// plans and risks; saved only by adding, a change needs its reason, a withdrawn line stays in the
/// record, and what the page shows after a save is what is stored.
public sealed class FinancesTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public FinancesTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<HttpResponseMessage> SaveAsync(Guid id, int year, Action<FormFields> change)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/{year}/finances", "finances");
        change(form);
        return await browser.PostAsync($"/proposals/{id}/reporting/{year}/finances", form);
    }

    private async Task<List<RoundEntry>> EntriesAsync(Guid id)
    {
        using var db = app.OpenDb();
        return await db.RoundEntries.Where(e => e.ProposalId == id).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Page_ShowsTheApprovedBudgetCoFinanciersActionsAndRisks()
    {
        var id = await browser.ApprovedAsync();

        var page = await browser.OpenAsync($"/proposals/{id}/reporting/2025/finances");

        var components = page.Document.QuerySelectorAll("input[name^='Form.Spending['][name$='].Key']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["1", "2", "3", "4"], components);
        Assert.Contains("funder USD 3,307,000 · co-financing USD 1,365,000", page.Text, StringComparison.Ordinal);
        Assert.Equal(4, page.Document.QuerySelectorAll("input[name^='Form.CoFinancing['][name$='].Key']").Length);
        Assert.Contains("USD 2,700,000", page.Text, StringComparison.Ordinal);
        // 7 gender actions and a blank line for a new environmental or social measure; 10 risks.
        Assert.Equal(8, page.Document.QuerySelectorAll("select[name^='Form.Actions['][name$='].Status']").Length);
        Assert.Equal(10, page.Document.QuerySelectorAll("select[name^='Form.Risks['][name$='].Probability']").Length);
        Assert.NotNull(page.Find("nav.round-tabs a[href$='/reporting/2025']"));
    }

    [Fact]
    public async Task Save_AddsEachKindOfLine_AndThePageShowsThemBack()
    {
        var id = await browser.ApprovedAsync();

        var response = await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[0].ReceivedOn", "2025-09-15");
            form.Set("Form.Disbursements[0].Instrument", "Grant");
            form.Set("Form.Disbursements[0].Usd", "800,000");
            form.Set("Form.Disbursements[0].Reference", "GCF transfer 2025-01");
            form.Set("Form.Spending[0].GcfUsd", "350,000");
            form.Set("Form.Spending[0].CoFinancingUsd", "120,000");
            form.Set("Form.CoFinancing[1].Usd", "150,000");
            form.Set("Form.Actions[0].Status", "OnTrack");
            form.Set("Form.Actions[7].Label", "Resettlement action plan for the market stalls");
            form.Set("Form.Actions[7].Status", "Delayed");
            form.Set("Form.Risks[0].Probability", "Low");
            form.Set("Form.Risks[0].Impact", "Medium");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting/2025/finances?saved=6", response.Headers.Location!.OriginalString);
        var entries = await EntriesAsync(id);
        Assert.Equal([(EntrySection.Disbursement, "d1"), (EntrySection.Expenditure, "1"), (EntrySection.CoFinancing, "tama-cash"), (EntrySection.Action, "g1"), (EntrySection.Action, "e1"), (EntrySection.Risk, "r1")],
            entries.Select(e => (e.Section, e.Key)));
        Assert.Equal(new DisbursementData(new DateOnly(2025, 9, 15), Web.Proposals.Model.FinancialInstrument.Grant, 800_000m, "GCF transfer 2025-01"), RoundEntryData.Read<DisbursementData>(entries[0]));
        var page = await browser.FollowAsync(response);
        Assert.Contains("6 lines saved.", page.Text, StringComparison.Ordinal);
        Assert.Equal("800,000", page.FieldValue("disbursement-0-usd"));
        Assert.Equal("350,000", page.FieldValue("spending-0-gcf"));
        Assert.Contains("Resettlement action plan for the market stalls", page.Text, StringComparison.Ordinal);

        // The next year's round lists the new measure with its last status.
        var next = await browser.OpenAsync($"/proposals/{id}/reporting/2026/finances");
        var measure = next.Document.QuerySelectorAll("table tbody tr").First(r => r.TextContent.Contains("Resettlement action plan", StringComparison.Ordinal));
        Assert.Contains("Delayed (2025)", measure.TextContent, StringComparison.Ordinal);
        Assert.Contains("funder USD 350,000 · co-financing USD 120,000", next.Text, StringComparison.Ordinal);
        Assert.Contains("Received before this year: USD 800,000 of USD 8,365,000 approved.", next.Text, StringComparison.Ordinal);

        // The save is audited with what it added.
        using (var db = app.OpenDb())
        {
            var audit = Assert.Single(await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "reported").ToListAsync());
            Assert.Equal("Round 2025: 6 lines of finances and plans (Disbursement 1, Expenditure 1, CoFinancing 1, Action 2, Risk 1)", audit.Summary);
        }
        // The report's JSON carries the action plans' items and the risks as the round left them.
        using var json = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync($"/proposals/{id}/reporting/2025/report?file=json&lang=en"));
        var items = json.RootElement.GetProperty("actionPlans").EnumerateArray().ToList();
        Assert.Equal(8, items.Count);
        Assert.Equal(("g1", "gender", "onTrack"), (items[0].GetProperty("key").GetString(), items[0].GetProperty("plan").GetString(), items[0].GetProperty("status").GetString()));
        var added = items.Single(i => i.GetProperty("key").GetString() == "e1");
        Assert.Equal(("environmental", "Resettlement action plan for the market stalls", "delayed"), (added.GetProperty("plan").GetString(), added.GetProperty("text").GetString(), added.GetProperty("status").GetString()));
        Assert.False(items[1].TryGetProperty("status", out _));
        var risks = json.RootElement.GetProperty("risks").EnumerateArray().ToList();
        Assert.Equal(10, risks.Count);
        Assert.Equal(("r1", "low", "medium"), (risks[0].GetProperty("key").GetString(), risks[0].GetProperty("probability").GetString(), risks[0].GetProperty("impact").GetString()));
        Assert.True(risks[0].TryGetProperty("approvedProbability", out _));
        Assert.False(risks[1].TryGetProperty("probability", out _));
    }

    [Fact]
    public async Task AChange_NeedsAReason_AndAWithdrawnLineStaysOnRecord()
    {
        var id = await browser.ApprovedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[0].ReceivedOn", "2025-09-15");
            form.Set("Form.Disbursements[0].Usd", "800,000");
            form.Set("Form.Disbursements[1].ReceivedOn", "2025-09-16");
            form.Set("Form.Disbursements[1].Usd", "800,000");
        })).StatusCode);

        var refused = await SaveAsync(id, 2025, form => form.Set("Form.Disbursements[1].Withdraw", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("give the reason for the corrections", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withdrawn = await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[1].Withdraw", "true");
            form.Set("Form.Reason", "The same transfer was entered twice");
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var entries = await EntriesAsync(id);
        Assert.Equal(3, entries.Count);
        Assert.Equal((true, entries[1].Id, "The same transfer was entered twice"), (entries[2].Withdrawn, entries[2].CorrectsId, entries[2].CorrectionReason));
        var page = await browser.FollowAsync(withdrawn);
        // One line stands; two blank rows follow it.
        Assert.Equal(["d1", "", ""], page.Document.QuerySelectorAll("input[name^='Form.Disbursements['][name$='].Key']").Select(i => i.GetAttribute("value") ?? ""));
    }

    [Fact]
    public async Task ACorrectedOrWithdrawnLine_ShowsItsEarlierEntries_WithWhoWhenAndWhy()
    {
        var id = await browser.ApprovedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[0].ReceivedOn", "2025-09-15");
            form.Set("Form.Disbursements[0].Usd", "800,000");
            form.Set("Form.Disbursements[1].ReceivedOn", "2025-09-16");
            form.Set("Form.Disbursements[1].Usd", "800,000");
            form.Set("Form.Spending[0].GcfUsd", "350,000");
            form.Set("Form.Risks[0].Probability", "Low");
        })).StatusCode);
        var first = await browser.FollowAsync(await SaveAsync(id, 2025, _ => { }));
        // A line entered once has no history to show.
        Assert.Empty(first.Document.QuerySelectorAll("tr.entry-history"));

        var corrected = await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[1].Withdraw", "true");
            form.Set("Form.Spending[0].GcfUsd", "305,000");
            form.Set("Form.Reason", "The invoice said 305,000");
        });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var page = await browser.FollowAsync(corrected);
        var entries = await EntriesAsync(id);
        var who = entries[0].EnteredByName;
        Assert.NotEqual("", who);
        // Under the corrected spending line: both entries, first to last, the reason on the second.
        var spending = page.Document.QuerySelector("input[name='Form.Spending[0].GcfUsd']")!.Closest("tr")!.NextElementSibling!;
        Assert.Equal("entry-history", spending.ClassName);
        Assert.Contains("History of this line: 2 entries", spending.TextContent, StringComparison.Ordinal);
        var rows = spending.QuerySelector("table.monitoring-history > tbody")!.Children.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("funder USD 350,000 · co-financing —", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(who, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("replaced", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("funder USD 305,000", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("The invoice said 305,000", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        // The line not corrected shows none; the withdrawn disbursement is listed with its history.
        Assert.Single(page.Document.QuerySelectorAll("tr.entry-history"), r => r.Closest(".withdrawn-lines") is null);
        var withdrawn = page.Get("table.withdrawn-lines");
        Assert.Contains("USD 800,000 received on 16 September 2025", withdrawn.TextContent, StringComparison.Ordinal);
        Assert.Contains("withdrawn", withdrawn.QuerySelectorAll("tr.history--current .tag").Single().TextContent, StringComparison.Ordinal);
        Assert.Contains("The invoice said 305,000", withdrawn.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_AreNamed_AndNothingIsSaved()
    {
        var id = await browser.ApprovedAsync();

        var response = await SaveAsync(id, 2025, form =>
        {
            form.Set("Form.Disbursements[0].ReceivedOn", "2026-01-05");
            form.Set("Form.Disbursements[0].Usd", "12 k");
            form.Set("Form.Spending[2].GcfUsd", "-5");
            form.Set("Form.Actions[7].Status", "Completed");
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#disbursement-0-usd", "#disbursement-0-date", "#spending-2-gcf", "#action-7-label"], links);
        Assert.Contains("received in 2025", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12 k", page.QuerySelector("#disbursement-0-usd")!.GetAttribute("value"));
        Assert.Empty(await EntriesAsync(id));
    }
}
