using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Annexes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Who does what after approval: the planning agency reports for the municipality it supports; a
/// reader of the municipality reads but may not post; the donor the project is shared with reads
/// the round and comments, and the municipality reads the comment; another donor sees nothing.
/// Every change is in the proposal's audit trail.
public sealed class MonitoringRolesTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public MonitoringRolesTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task TheAgencyReports_TheDonorReadsAndComments_OthersCannot()
    {
        var agency = await app.CreateOrganisationAsync("Northern planning agency", OrganisationKind.PlanningAgency);
        await app.LinkAgencyAsync(agency, AccessScope.WorkspaceOrganisationId);
        await app.CreateUserAsync("planner@agency.test", agency, MemberRole.Editor);
        await app.CreateUserAsync("reader@tamale.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        var donor = await app.CreateOrganisationAsync("Climate fund", OrganisationKind.Donor);
        var other = await app.CreateOrganisationAsync("Another fund", OrganisationKind.Donor);
        await app.CreateUserAsync("officer@fund.test", donor, MemberRole.Editor);
        await app.CreateUserAsync("officer@other.test", other, MemberRole.Editor);
        var id = await browser.ApprovedAsync();
        Guid submission;
        using (var db = app.OpenDb())
        {
            submission = (await db.Submissions.SingleAsync(s => s.ProposalId == id)).Id;
            db.ProposalShares.Add(new Web.Data.Submissions.ProposalShare { ProposalId = id, DonorOrganisationId = donor, OrganisationId = AccessScope.WorkspaceOrganisationId, SharedAt = DateTime.UtcNow, SharedByUserId = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }

        // The agency's editor enters a value for the municipality it supports.
        using var planner = await app.SignedInClientAsync("planner@agency.test");
        var saved = await Tenancy.Calls.PostPageFormAsync(planner, $"/proposals/{id}/reporting/2025", "form[data-form='round']", form =>
        {
            form.Set("Form.Rows[0].Value", "1,500");
            form.Set("Form.Rows[0].Source", "Utility meter readings");
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A reader of the municipality opens the round but cannot post to it.
        using var reader = await app.SignedInClientAsync("reader@tamale.test");
        var readerPage = await reader.GetStringAsync($"/proposals/{id}/reporting/2025");
        Assert.DoesNotContain("Save the values", readerPage, StringComparison.Ordinal);
        using (var post = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/reporting/2025") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Tenancy.Calls.TokenAsync(reader) }) })
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(post)).StatusCode);

        // The donor reads the round, with the value the agency entered, and comments.
        using var officer = await app.SignedInClientAsync("officer@fund.test");
        var donorPage = await officer.GetStringAsync($"/review/{submission}/reporting/2025");
        Assert.Contains("1,500", donorPage, StringComparison.Ordinal);
        var commented = await Tenancy.Calls.PostPageFormAsync(officer, $"/review/{submission}/reporting/2025", "form[data-form='comment']",
            form => form.Set("text", "Please attach the meter readings."), $"/review/{submission}/reporting/2025?handler=Comment");
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        var pdf = await officer.GetAsync($"/review/{submission}/reporting/2025/report?file=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        // The municipality reads the comment on its own round page.
        var own = await browser.OpenAsync($"/proposals/{id}/reporting/2025");
        Assert.Contains("Please attach the meter readings.", own.Get("#comments").TextContent, StringComparison.Ordinal);

        // A donor the project is not shared with sees nothing of it.
        using var stranger = await app.SignedInClientAsync("officer@other.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/review/{submission}/reporting/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/review/{submission}/reporting/2025/report")).StatusCode);

        // Everything is in the audit trail, with who did it.
        using var check = app.OpenDb();
        var trail = await check.AuditEvents.Where(e => e.ProposalId == id).OrderBy(e => e.Id).Select(e => e.Action + " " + e.UserName).ToListAsync();
        Assert.Contains(trail, e => e.StartsWith("approved ", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.StartsWith("reported ", StringComparison.Ordinal) && !e.EndsWith(' '));
        Assert.Contains(trail, e => e.StartsWith("report-comment ", StringComparison.Ordinal));
        var value = await check.IndicatorValues.SingleAsync(v => v.ProposalId == id);
        Assert.NotEqual("", value.EnteredByName);
    }

    [Fact]
    public async Task TheDonor_OpensTheFilesCitedAsEvidence_AndNoOtherAnnexFile()
    {
        var donor = await app.CreateOrganisationAsync("Climate fund", OrganisationKind.Donor);
        var other = await app.CreateOrganisationAsync("Another fund", OrganisationKind.Donor);
        await app.CreateUserAsync("officer@fund.test", donor, MemberRole.Editor);
        await app.CreateUserAsync("officer@other.test", other, MemberRole.Editor);
        var id = await browser.ApprovedAsync();
        await browser.Client.AttachAsync(id, "2", ("Meter readings 2025.pdf", UploadFixtures.Pdf()));
        await browser.Client.AttachAsync(id, "3", ("Draft budget notes.pdf", UploadFixtures.Pdf("/Lang (en)")));
        Guid submission, cited, uncited;
        using (var db = app.OpenDb())
        {
            submission = (await db.Submissions.SingleAsync(s => s.ProposalId == id)).Id;
            db.ProposalShares.Add(new Web.Data.Submissions.ProposalShare { ProposalId = id, DonorOrganisationId = donor, OrganisationId = AccessScope.WorkspaceOrganisationId, SharedAt = DateTime.UtcNow, SharedByUserId = Guid.NewGuid() });
            await db.SaveChangesAsync();
            cited = await db.AnnexFiles.Where(f => f.ProposalId == id && f.Name == "Meter readings 2025.pdf").Select(f => f.Id).SingleAsync();
            uncited = await db.AnnexFiles.Where(f => f.ProposalId == id && f.Name == "Draft budget notes.pdf").Select(f => f.Id).SingleAsync();
        }
        var saved = await Tenancy.Calls.PostPageFormAsync(browser.Client, $"/proposals/{id}/reporting/2025", "form[data-form='round']", form =>
        {
            form.Set("Form.Rows[0].Value", "1,500");
            form.Set("Form.Rows[0].Source", "Utility meter readings");
            form.Set("Form.Rows[0].Evidence", cited.ToString());
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var officer = await app.SignedInClientAsync("officer@fund.test");
        var page = WizardBrowser.Parse(await officer.GetStringAsync($"/review/{submission}/reporting/2025"));
        var link = page.QuerySelector("table.round-report a[data-link='evidence']")!;
        Assert.Equal("Meter readings 2025.pdf", link.TextContent);
        var file = await officer.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        // A file of the project not cited (and not frozen with a shared version) stays the team's.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/proposals/{id}/annexes/files/{uncited}")).StatusCode);
        // A donor the project is not shared with opens neither.
        using var stranger = await app.SignedInClientAsync("officer@other.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/proposals/{id}/annexes/files/{cited}")).StatusCode);
    }
}
