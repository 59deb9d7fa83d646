using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Participation.Grievances;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// Grievance redress: a resident raises one without an account and gets a reference and dates;
/// it is never public; the register takes it through acknowledgement, answer, escalation and
/// closure, each audited; readers and other organisations cannot open the register.
public sealed class GrievanceTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public GrievanceTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task AResidentRaisesAGrievance_ItIsConfidential_AndTheRegisterTakesItToClosure()
    {
        var (id, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);
        var raised = await resident.PostFormAsync($"/consult/{page}/grievance", "grievance", form =>
        {
            form.Set("Form.Category", "HealthAndSafety");
            form.Set("Form.Text", "The trench by the school has no fence.");
            form.Set("Form.AuthorName", "Kofi");
            form.Set("Form.Contact", "+233 20 123 4567");
            form.Set("Form.Consent", "true");
        });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var confirmation = WizardBrowser.Parse(await raised.Content.ReadAsStringAsync());
        var reference = confirmation.QuerySelector(".notice strong")!.TextContent;
        Assert.Matches("^G-[A-Z2-9]{6}$", reference);

        // Never on the public page.
        var publicPage = await resident.OpenAsync($"/consult/{page}");
        Assert.DoesNotContain("trench", publicPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kofi", publicPage.Html, StringComparison.Ordinal);

        GrievanceRecord stored;
        using (var db = app.OpenDb())
            stored = await db.Grievances.SingleAsync(g => g.ProposalId == id);
        Assert.Equal((reference, GrievanceStatus.Received, GrievanceChannel.WebForm), (stored.Reference, stored.Status, stored.Channel));
        Assert.Equal(GrievanceIntake.AddWorkingDays(DateOnly.FromDateTime(stored.ReceivedAt), 2), stored.AcknowledgeBy);
        Assert.Equal(DateOnly.FromDateTime(stored.ReceivedAt).AddDays(30), stored.AnswerBy);

        var register = await officer.OpenAsync($"/proposals/{id}/grievances");
        Assert.Contains(reference, register.Text, StringComparison.Ordinal);
        Assert.Contains("1 received, 1 open, 0 resolved, 0 late.", register.Text, StringComparison.Ordinal);

        var detail = $"/proposals/{id}/grievances/{stored.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", _ => { }, "Acknowledge")).StatusCode);
        // An answer needs words.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Note", " "), "Answer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Note", "The contractor fenced the trench on 3 March."), "Answer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Level", "AccreditedEntity"), "Escalate")).StatusCode);
        // Escalating back down is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Level", "AccreditedEntity"), "Escalate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Note", "Settled with the school board."), "Close")).StatusCode);

        using (var db = app.OpenDb())
        {
            var closed = await db.Grievances.SingleAsync(g => g.Id == stored.Id);
            Assert.Equal((GrievanceStatus.Closed, EscalationLevel.AccreditedEntity), (closed.Status, closed.EscalatedTo!.Value));
            Assert.NotNull(closed.AcknowledgedAt);
            var steps = await db.AuditEvents.Where(e => e.ProposalId == id && e.Action.StartsWith("grievance-")).Select(e => e.Action).ToListAsync();
            Assert.Equal(["grievance-acknowledged", "grievance-answered", "grievance-closed", "grievance-escalated"], steps.Order());
            // AC-17: the figures add up to the register.
            var statistics = GrievanceStatistics.Of(await db.Grievances.Where(g => g.ProposalId == id).ToListAsync(), DateOnly.FromDateTime(DateTime.UtcNow));
            Assert.Equal(statistics.Received, statistics.Acknowledged + statistics.WaitingAcknowledgement);
            Assert.Equal(statistics.Received, statistics.Resolved + statistics.Open);
            Assert.Equal((1, 1, 1), (statistics.Received, statistics.Resolved, statistics.AcknowledgedInTime));
        }
    }

    [Fact]
    public async Task ALateGrievance_IsMarkedLate_UntilEachStepIsDone_AndCountsAsLate()
    {
        var (id, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostFormAsync($"/consult/{page}/grievance", "grievance", form => form
            .Set("Form.Category", "LandAndCompensation").Set("Form.Text", "My stall was moved without notice.").Set("Form.Consent", "true"))).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid grievance;
        using (var db = app.OpenDb())
        {
            // Received 40 days ago: its acknowledgement and its answer are both overdue.
            var stored = await db.Grievances.SingleAsync(g => g.ProposalId == id);
            stored.ReceivedAt = DateTime.UtcNow.AddDays(-40);
            stored.AcknowledgeBy = today.AddDays(-38);
            stored.AnswerBy = today.AddDays(-10);
            await db.SaveChangesAsync();
            grievance = stored.Id;
        }
        int LateMarks(WizardPage register) => register.Document.QuerySelectorAll("table tbody tr strong.late").Length;

        var late = await officer.OpenAsync($"/proposals/{id}/grievances");
        Assert.Equal(2, LateMarks(late));
        Assert.Contains("1 received, 1 open, 0 resolved, 1 late.", late.Text, StringComparison.Ordinal);

        var detail = $"/proposals/{id}/grievances/{grievance}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", _ => { }, "Acknowledge")).StatusCode);
        var acknowledged = await officer.OpenAsync($"/proposals/{id}/grievances");
        Assert.Equal(1, LateMarks(acknowledged));
        Assert.Contains("1 late.", acknowledged.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(detail, "grievance-step", f => f.Set("Note", "The stall is back in its place."), "Answer")).StatusCode);
        var answered = await officer.OpenAsync($"/proposals/{id}/grievances");
        Assert.Equal(0, LateMarks(answered));
        Assert.Contains("0 late.", answered.Text, StringComparison.Ordinal);
        using var check = app.OpenDb();
        // Acknowledged, but not in time: the statistics the annex reports say so.
        var statistics = GrievanceStatistics.Of(await check.Grievances.Where(g => g.ProposalId == id).ToListAsync(), today);
        Assert.Equal((1, 0), (statistics.Acknowledged, statistics.AcknowledgedInTime));
    }

    [Fact]
    public async Task TheRegister_IsClosedToReaders_AndToOtherOrganisations()
    {
        var (id, _) = await officer.OpenedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/grievances", "grievance-record", form =>
        {
            form.Set("Form.Channel", "Phone");
            form.Set("Form.Category", "LandAndCompensation");
            form.Set("Form.Text", "My stall was moved without notice.");
            form.Set("Form.AuthorName", "Abena");
        })).StatusCode);
        Guid grievance;
        using (var db = app.OpenDb())
            grievance = (await db.Grievances.SingleAsync(g => g.ProposalId == id)).Id;

        await app.CreateUserAsync("reader@tamale.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        var elsewhere = await app.CreateOrganisationAsync("Another town", OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@elsewhere.test", elsewhere, MemberRole.Editor);
        using var reader = await app.SignedInClientAsync("reader@tamale.test");
        using var stranger = await app.SignedInClientAsync("editor@elsewhere.test");
        foreach (var url in new[] { $"/proposals/{id}/grievances", $"/proposals/{id}/grievances/{grievance}", $"/proposals/{id}/consultations/moderation", $"/proposals/{id}/consultations/personal-data" })
        {
            var read = await reader.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.Forbidden, $"reader on {url}: {(int)read.StatusCode}");
            var other = await stranger.GetAsync(url);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"other organisation on {url}: {(int)other.StatusCode}");
            Assert.DoesNotContain("Abena", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Readers see what people said and the responses, but no contacts or grievances.
        var inputs = await reader.GetAsync($"/proposals/{id}/consultations/inputs");
        Assert.Equal(HttpStatusCode.OK, inputs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/proposals/{id}/consultations/inputs")).StatusCode);
    }
}
