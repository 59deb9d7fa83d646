using System.Net;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Tests.Annexes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// A reporting round's screen: values with their source are added, a saved value changes only by
/// a correction with its reason (a new row; the history keeps both), a stale page never
/// overwrites a newer value, and after every save the page shows what is stored.
public sealed class RoundTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public RoundTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<(Guid Proposal, MonitoredIndicator Indicator)> ApprovedAsync(string code)
    {
        var id = await browser.ApprovedAsync();
        using var db = app.OpenDb();
        return (id, await db.MonitoredIndicators.SingleAsync(i => i.ProposalId == id && i.Code == code));
    }

    private async Task<HttpResponseMessage> SaveAsync(Guid id, int year, MonitoredIndicator indicator, Action<FormFields, string> change)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/{year}", "round");
        change(form, $"Form.Rows[{form.RowOf(indicator.Id.ToString())}].");
        return await browser.PostAsync($"/proposals/{id}/reporting/{year}", form);
    }

    private async Task<List<IndicatorValue>> StoredAsync(Guid indicator)
    {
        using var db = app.OpenDb();
        return await db.IndicatorValues.Where(v => v.IndicatorId == indicator).OrderBy(v => v.Id).ToListAsync();
    }

    [Fact]
    public async Task Round_ListsTheIndicatorsDueThatYear()
    {
        var (id, _) = await ApprovedAsync("C2.2");

        var first = await browser.OpenAsync($"/proposals/{id}/reporting/2025");
        var midTerm = await browser.OpenAsync($"/proposals/{id}/reporting/2026");

        // C2.2 is measured at mid-term (2026 of 2025–2027) and at the end only.
        Assert.Equal(22, first.Document.QuerySelectorAll("section.monitoring-indicator").Length);
        Assert.Null(first.Find("#indicator-C2\\.2"));
        Assert.NotNull(midTerm.Find("#indicator-C2\\.2"));
        // People are counted by sex.
        Assert.NotNull(first.Find("section#indicator-C2\\.1 input[name$='.Women']"));
        Assert.Null(first.Find("section#indicator-C1\\.1 input[name$='.Women']"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/proposals/{id}/reporting/2031")).Status);
    }

    [Fact]
    public async Task Save_AddsTheValue_AndTheReloadedPageShowsIt()
    {
        var (id, people) = await ApprovedAsync("C2.1");

        var response = await SaveAsync(id, 2025, people, (form, row) =>
        {
            form.Set(row + "Value", "12,400");
            form.Set(row + "Women", "6,500");
            form.Set(row + "Men", "5,900");
            form.Set(row + "Source", "Municipal household survey 2025");
            form.Set(row + "MeasuredOn", "2025-11-30");
            form.Set(row + "EvidenceReference", "https://tamale.example/survey-2025.pdf");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{id}/reporting/2025?saved=1", response.Headers.Location!.OriginalString);
        var stored = Assert.Single(await StoredAsync(people.Id));
        Assert.Equal((12_400m, 6_500m, 5_900m, "Municipal household survey 2025", new DateOnly(2025, 11, 30), (long?)null), (stored.Value, stored.Women, stored.Men, stored.Source, stored.MeasuredOn, stored.CorrectsId));
        var page = await browser.FollowAsync(response);
        Assert.Contains("1 value saved.", page.Text, StringComparison.Ordinal);
        Assert.Equal("12,400", page.Get("section#indicator-C2\\.1 input[name$='.Value']").GetAttribute("value"));
        Assert.Contains("12,400, entered by", page.Get("section#indicator-C2\\.1 .monitoring-figures").TextContent, StringComparison.Ordinal);
        // Saving the page again unchanged adds nothing.
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        var again = await browser.PostAsync($"/proposals/{id}/reporting/2025", form);
        Assert.Equal($"/proposals/{id}/reporting/2025?saved=0", again.Headers.Location!.OriginalString);
        Assert.Single(await StoredAsync(people.Id));
        using var db = app.OpenDb();
        Assert.Single(await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "reported").ToListAsync());
    }

    [Fact]
    public async Task Correction_NeedsAReason_ThenIsANewRow_AndTheHistoryKeepsBoth()
    {
        var (id, indicator) = await ApprovedAsync("O1.1");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, 2025, indicator, (form, row) =>
        {
            form.Set(row + "Value", "1,200");
            form.Set(row + "Source", "Utility meter readings");
        })).StatusCode);

        var refused = await SaveAsync(id, 2025, indicator, (form, row) => form.Set(row + "Value", "1,250"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("O1.1: a value was already saved; give the reason for the correction.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await StoredAsync(indicator.Id));

        var corrected = await SaveAsync(id, 2025, indicator, (form, row) =>
        {
            form.Set(row + "Value", "1,250");
            form.Set(row + "CorrectionReason", "December meter readings arrived late");
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var values = await StoredAsync(indicator.Id);
        Assert.Equal([(1200m, (long?)null, (string?)null), (1250m, values[0].Id, "December meter readings arrived late")], values.Select(v => (v.Value!.Value, v.CorrectsId, v.CorrectionReason)));

        var history = await browser.OpenAsync($"/proposals/{id}/reporting/indicators/{indicator.Id}");
        var rows = history.Document.QuerySelectorAll("table.monitoring-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("history--replaced", rows[0].ClassName);
        Assert.Contains("1,200", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("history--current", rows[1].ClassName);
        Assert.Contains("December meter readings arrived late", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_AreNamedByIndicatorAndField_AndNothingIsSaved()
    {
        var (id, people) = await ApprovedAsync("C2.1");
        using var db0 = app.OpenDb();
        var other = await db0.MonitoredIndicators.SingleAsync(i => i.ProposalId == id && i.Code == "O1.2");
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        var p = $"Form.Rows[{form.RowOf(people.Id.ToString())}].";
        var o = $"Form.Rows[{form.RowOf(other.Id.ToString())}].";
        form.Set(p + "Value", "1,000");
        form.Set(p + "Women", "700");
        form.Set(p + "Men", "400");
        form.Set(p + "MeasuredOn", "2099-01-01");
        form.Set(o + "Note", "Survey postponed");

        var response = await browser.PostAsync($"/proposals/{id}/reporting/2025", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WizardBrowser.Parse(await response.Content.ReadAsStringAsync());
        var messages = page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent).ToList();
        Assert.Equal(
        [
            "C2.1: women and men together (1,100) are more than the value (1,000).",
            "C2.1: say where the value comes from.",
            "C2.1: the date of measurement cannot be after today.",
            "O1.2: give the value, or say why there is none this year.",
        ], messages);
        Assert.Equal("Survey postponed", page.QuerySelector("section#indicator-O1\\.2 textarea[name$='.Note']")!.TextContent);
        using var db = app.OpenDb();
        Assert.False(await db.IndicatorValues.AnyAsync(v => v.ProposalId == id));
    }

    [Fact]
    public async Task NoValue_WithAReason_IsSaved()
    {
        var (id, indicator) = await ApprovedAsync("O1.2");

        var response = await SaveAsync(id, 2025, indicator, (form, row) => form.Set(row + "MissingReason", "The survey moved to 2026."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(indicator.Id));
        Assert.Equal(((decimal?)null, "The survey moved to 2026."), (stored.Value, stored.MissingReason));
    }

    [Fact]
    public async Task AStalePage_NeverOverwritesANewerValue()
    {
        var (id, indicator) = await ApprovedAsync("O1.1");
        var (_, stale) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, 2025, indicator, (form, row) =>
        {
            form.Set(row + "Value", "900");
            form.Set(row + "Source", "Meter readings");
        })).StatusCode);
        var row = $"Form.Rows[{stale.RowOf(indicator.Id.ToString())}].";
        stale.Set(row + "Value", "950");
        stale.Set(row + "Source", "Estimate");

        var response = await browser.PostAsync($"/proposals/{id}/reporting/2025", stale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("after you opened the page", html, StringComparison.Ordinal);
        var page = WizardBrowser.Parse(html);
        // What this person typed comes back, now based on the value that won.
        Assert.Equal("950", page.QuerySelector("section#indicator-O1\\.1 input[name$='.Value']")!.GetAttribute("value"));
        var winner = Assert.Single(await StoredAsync(indicator.Id));
        Assert.Equal(900m, winner.Value);
        Assert.Equal(winner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("section#indicator-O1\\.1 input[name$='.BasedOn']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ARunningTotal_ThatFalls_IsFlagged()
    {
        var (id, people) = await ApprovedAsync("C2.1");
        foreach (var (year, value) in new[] { (2025, "5,000"), (2026, "4,000") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(id, year, people, (form, row) =>
            {
                form.Set(row + "Value", value);
                form.Set(row + "Source", "Register of connections");
            })).StatusCode);
        }

        var page = await browser.OpenAsync($"/proposals/{id}/reporting/2026");

        Assert.Contains("APR-03 C2.1 is a running total, but its 2026 value (4,000) is below its 2025 value (5,000).", page.Get("section#indicator-C2\\.1").TextContent, StringComparison.Ordinal);
        Assert.Contains("C2.1 is a running total", page.Get(".report-checks").TextContent, StringComparison.Ordinal);
        Assert.Contains("5,000 (2025)", page.Get("section#indicator-C2\\.1 .monitoring-figures").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_IsOneOfTheProposalsAnnexFiles_ShownInTheHistoryAndTheReport()
    {
        var (id, people) = await ApprovedAsync("C2.1");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(id, "2", ("Household survey 2025.pdf", UploadFixtures.Pdf()))).StatusCode);
        Guid file;
        using (var db = app.OpenDb())
            file = await db.AnnexFiles.Where(f => f.ProposalId == id).Select(f => f.Id).SingleAsync();
        // Another proposal's file, or one that never existed, is refused by name.
        var other = await browser.SeedSampleAsync(MonitoringKit.Sample);
        await browser.Client.AttachAsync(other, "2", ("Someone else's.pdf", UploadFixtures.Pdf()));
        Guid foreign;
        using (var db = app.OpenDb())
            foreign = await db.AnnexFiles.Where(f => f.ProposalId == other).Select(f => f.Id).SingleAsync();

        var (page, _) = await browser.OpenFormAsync($"/proposals/{id}/reporting/2025", "round");
        var options = page.Document.QuerySelectorAll("section#indicator-C2\\.1 select[name$='.Evidence'] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["", "Household survey 2025.pdf"], options);
        var refused = await SaveAsync(id, 2025, people, (form, row) =>
        {
            form.Set(row + "Value", "12,400");
            form.Set(row + "Source", "Household survey");
            form.Set(row + "Evidence", foreign.ToString());
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("C2.1: choose one of this proposal's annex files.", WizardBrowser.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(people.Id));

        var saved = await SaveAsync(id, 2025, people, (form, row) =>
        {
            form.Set(row + "Value", "12,400");
            form.Set(row + "Source", "Household survey");
            form.Set(row + "Evidence", file.ToString());
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(file, Assert.Single(await StoredAsync(people.Id)).EvidenceFileId);
        var reloaded = await browser.FollowAsync(saved);
        Assert.Equal(file.ToString(), reloaded.Get("section#indicator-C2\\.1 select[name$='.Evidence'] option[selected]").GetAttribute("value"));
        var history = await browser.OpenAsync($"/proposals/{id}/reporting/indicators/{people.Id}");
        Assert.Equal("Household survey 2025.pdf", history.Get($"table.monitoring-history a[href='/proposals/{id}/annexes/files/{file}']").TextContent);
        using var json = System.Text.Json.JsonDocument.Parse(await browser.Client.GetStringAsync($"/proposals/{id}/reporting/2025/report?file=json&lang=en"));
        var value = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "C2.1");
        Assert.Equal("Household survey 2025.pdf", value.GetProperty("evidence").GetString());
    }
}
