using System.IO.Compression;
using System.Net;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Participation;

/// From the records to the package: an input without a response is said on the wizard's
/// stakeholder page and keeps the annex out of the package; once answered, the GCF package carries
/// the stakeholder-engagement annex with what was said and done; a submitted version keeps the
/// records it was submitted with. Recording never makes the wizard's next save a conflict.
public sealed class EngagementAnnexTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public EngagementAnnexTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    private async Task RecordMeetingAsync(Guid id) =>
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations", "consultation", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "PublicMeeting").Set("Form.Level", "Consultation").Set("Form.Place", "Lamashegu market hall")
            .Set("Form.Women", "23").Set("Form.Men", "14").Set("Form.Groups[Elderly]", "6").Set("Form.Groups[Migrants]", "7")
            .Set("Form.Groups[PeopleWithDisabilities]", "5").Set("Form.Groups[VulnerablePeople]", "9").Set("Form.Groups[Youth]", "8"))).StatusCode);

    private async Task<ZipArchive> PackageAsync(Guid id)
    {
        var response = await officer.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang=en", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task AnInputWithoutAResponse_IsSaid_AndTheAnnexWaits_ThenComesWithIt()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        await RecordMeetingAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "input", f => f
            .Set("Form.Assisted", "true").Set("Form.Channel", "Phone").Set("Form.Text", "Please put shade over the fish stalls.").Set("Form.Group", "Elderly"), "Add")).StatusCode);

        var step = await officer.OpenAsync($"/proposals/{id}/stakeholders");
        Assert.Contains("1 input has no response yet", step.Text, StringComparison.Ordinal);
        using (var waiting = await PackageAsync(id))
            Assert.DoesNotContain(waiting.Entries, e => e.FullName.Contains("stakeholder-engagement", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "response", f => f
            .Set("Reply.Disposition", "DesignChanged").Set("Reply.Response", "The market roofs now extend over the fish stalls.").Set("Reply.SectionChanged", "components"), "Respond")).StatusCode);
        Assert.DoesNotContain("has no response yet", (await officer.OpenAsync($"/proposals/{id}/stakeholders")).Text, StringComparison.Ordinal);

        using var package = await PackageAsync(id);
        var annex = Assert.Single(package.Entries, e => e.FullName.EndsWith("-stakeholder-engagement.pdf", StringComparison.Ordinal));
        Assert.Single(package.Entries, e => e.FullName.EndsWith("-stakeholder-engagement.docx", StringComparison.Ordinal));
        using var bytes = new MemoryStream();
        using (var stream = annex.Open())
            await stream.CopyToAsync(bytes);
        using var pdf = PdfDocument.Open(bytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.True(text.Contains("Stakeholder engagement", StringComparison.Ordinal), text);
        // Words of a table cell come back line by line: each is looked for on its own.
        Assert.True(new[] { "shade", "fish", "stalls.", "roofs", "extend", "(Components" }.All(w => text.Contains(w, StringComparison.Ordinal)), text);
        Assert.Contains("One consultation was held, on 14 February 2026, attended by 37 people", text, StringComparison.Ordinal);
        Assert.Contains("Lamashegu", text, StringComparison.Ordinal);
        // Five people with disabilities are shown; no group of fewer than five exists here, and
        // the counts by sex are whole.
        Assert.Contains("23", text, StringComparison.Ordinal);
        Assert.Contains("37", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubmittedVersion_KeepsTheRecordsItWasSubmittedWith()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        await RecordMeetingAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.SubmitAsync(id)).StatusCode);
        await RecordMeetingAsync(id);

        using var db = app.OpenDb();
        var submitted = EngagementEvidence.Read((await db.Submissions.SingleAsync(s => s.ProposalId == id)).Engagement);
        var now = EngagementEvidence.Read((await db.Proposals.SingleAsync(p => p.Id == id)).Engagement);
        Assert.Equal((1, 2), (submitted.Consultations.Count, now.Consultations.Count));
        Assert.NotNull(submitted.Heard);
        Assert.Null(now.Heard);
    }

    [Fact]
    public async Task RecordingAConsultation_DoesNotMakeTheWizardsNextSaveAConflict()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        var page = await officer.OpenAsync($"/proposals/{id}/stakeholders");
        var form = page.StepForm();
        var version = await officer.StoredVersionAsync(id);

        await RecordMeetingAsync(id);

        Assert.Equal(version, await officer.StoredVersionAsync(id));
        form.Set("stakeholders.grievanceMechanism", "A box at each market, a phone line, and the ward assembly member.").Set("action", "save");
        var saved = await officer.PostAsync(page.FormAction(), form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A box at each market, a phone line, and the ward assembly member.", (await officer.StoredAsync(id)).Proposal.Stakeholders.GrievanceMechanism);
    }

    [Fact]
    public async Task AnInputWithoutAResponse_IsInTheApisCheck_AndTheHomeListsReadiness()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        await RecordMeetingAsync(id);
        int? before;
        using (var db = app.OpenDb())
            before = (await db.Proposals.SingleAsync(p => p.Id == id)).ListingReadiness;

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "input", f => f
            .Set("Form.Assisted", "true").Set("Form.Channel", "Phone").Set("Form.Text", "Please put shade over the fish stalls."), "Add")).StatusCode);

        var report = await officer.Client.GetStringAsync($"/api/proposals/{id}/validation");
        Assert.Contains("1 input has no response yet", report, StringComparison.Ordinal);
        using var check = app.OpenDb();
        var stored = await check.Proposals.SingleAsync(p => p.Id == id);
        // The warning lowers the readiness the home list shows, at once, without a new version.
        Assert.True(stored.ListingReadiness < before, $"readiness {before} → {stored.ListingReadiness}");
        var home = await officer.OpenAsync("/");
        Assert.Contains($"{stored.ListingReadiness}", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{before}", home.Text, StringComparison.Ordinal);
    }
}
