using System.Net;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// Consultations as records: one recorded through the page is stored with its attendance counted,
/// audited, and listed with the small counts hidden; a form with problems says each and stores
/// nothing.
public sealed class ConsultationsTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ConsultationsTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task<HttpResponseMessage> RecordAsync(Guid id, Action<FormFields> change)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/consultations", "consultation");
        change(form);
        return await browser.PostAsync($"/proposals/{id}/consultations", form);
    }

    [Fact]
    public async Task AConsultation_IsStoredCounted_AndListedWithSmallCountsHidden()
    {
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);

        var response = await RecordAsync(id, form =>
        {
            form.Set("Form.HeldOn", "2026-02-14");
            form.Set("Form.Method", "PublicMeeting");
            form.Set("Form.Level", "Consultation");
            form.Set("Form.Place", "Lamashegu market hall");
            form.Set("Form.Languages", "Dagbani, English");
            form.Set("Form.Women", "23");
            form.Set("Form.Men", "3");
            form.Set("Form.NotSaid", "");
            form.Set("Form.Ages[From18To24]", "6");
            form.Set("Form.Ages[From65]", "2");
            form.Set("Form.Groups[Migrants]", "2");
            form.Set("Form.Groups[Youth]", "6");
            form.Set("Form.Groups[Women]", "23");
            form.Set("Form.Asked", "Which markets should get solar first?");
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var db = app.OpenDb())
        {
            var record = await db.Consultations.SingleAsync(c => c.ProposalId == id);
            var attendance = Attendance.Read(record.Attendance);
            Assert.Equal((23L, 3L, 26L, ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation), (attendance.Women, attendance.Men, attendance.Total, record.Method, record.Level));
            Assert.Equal(2, attendance.Groups[StakeholderGroup.Migrants]);
            Assert.Single(await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "consultation").ToListAsync());
        }
        var page = await browser.FollowAsync(response);
        var row = page.Get("table.consultation-records tbody tr");
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        // The 3 men are hidden; the 23 women too, else the total (26) would give the men back. Zero
        // reveals nobody. The women are not a small count: they are marked, not said to be < 5.
        Assert.Equal(["< 5", "0", "26"], cells.Skip(3).Take(3));
        Assert.Equal(SmallCounts.Hidden, cells[2]);
        // Groups have no total: only the small ones are hidden. Women are counted by sex, never
        // again as a group (23 beside the total would give the 3 men back).
        Assert.Matches(@"Migrants[^·]* < 5", cells[6]);
        Assert.Contains("Young people 6", cells[6], StringComparison.Ordinal);
        Assert.DoesNotContain("23", cells[6], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b2\b", cells[6]);
    }

    [Fact]
    public async Task AFormWithProblems_SaysEach_AndStoresNothing()
    {
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);

        var response = await RecordAsync(id, form =>
        {
            form.Set("Form.HeldOn", "2099-01-01");
            form.Set("Form.Women", "twelve");
            form.Set("Form.Ages[Under18]", "40");
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var messages = WizardBrowser.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".error-summary li").Select(l => l.TextContent).ToList();
        Assert.Contains(messages, m => m.StartsWith("Give the date the consultation was held", StringComparison.Ordinal));
        Assert.Contains("Choose how the consultation was held.", messages);
        Assert.Contains("Give the place, or tick \"Held online\".", messages);
        Assert.Contains(messages, m => m.StartsWith("Counts are whole numbers", StringComparison.Ordinal));
        using var db = app.OpenDb();
        Assert.False(await db.Consultations.AnyAsync(c => c.ProposalId == id));
    }

    [Fact]
    public async Task ARecordedConsultation_IsChanged_AndTheChangeAudited()
    {
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(id, form => form
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "Workshop").Set("Form.Level", "Consultation")
            .Set("Form.Place", "Lamashegu marekt hall").Set("Form.Women", "23").Set("Form.Men", "14"))).StatusCode);
        Guid recorded;
        using (var db = app.OpenDb())
            recorded = (await db.Consultations.SingleAsync(c => c.ProposalId == id)).Id;

        // The form comes back as recorded, counts written as the reader writes numbers.
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/consultations?edit={recorded}", "consultation");
        Assert.Equal(("Lamashegu marekt hall", "23", "14"), (form["Form.Place"], form["Form.Women"], form["Form.Men"]));
        form.Set("Form.Place", "Lamashegu market hall").Set("Form.Men", "16");
        var changed = await browser.PostAsync($"/proposals/{id}/consultations?handler=Update&consultationId={recorded}", form);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var check = app.OpenDb();
        var record = await check.Consultations.SingleAsync(c => c.ProposalId == id);
        Assert.Equal(("Lamashegu market hall", 39L), (record.Place, Attendance.Read(record.Attendance).Total));
        var audit = await check.AuditEvents.SingleAsync(e => e.ProposalId == id && e.Action == "consultation-changed");
        Assert.Contains("37 people → 2026-02-14 Workshop (Consultation), 39 people", audit.Summary, StringComparison.Ordinal);
        Assert.Equal(39, EngagementEvidence.Read((await check.Proposals.SingleAsync(p => p.Id == id)).Engagement).Consultations.Single().Total);
    }
}
