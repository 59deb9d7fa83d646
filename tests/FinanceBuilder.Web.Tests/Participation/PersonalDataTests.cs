using System.Net;
using System.Text.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// A resident's right to their data: their comments and grievances are found by the contact they
/// gave, exported as a file, and erased — words, name and contact gone from the tables and the
/// public page at once, the record that something was received kept for the counts.
public sealed class PersonalDataTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public PersonalDataTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task APersonsData_IsExported_ThenErased()
    {
        var (id, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Put the panels on the fish market too.", f => f.Set("Form.Contact", "Ama@Example.org").Set("Form.AuthorName", "Ama Mensah"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Someone else's comment.", f => f.Set("Form.Contact", "yaw@example.org"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostFormAsync($"/consult/{page}/grievance", "grievance", f => f
            .Set("Form.Category", "Participation").Set("Form.Text", "Nobody told us about the meeting.").Set("Form.Contact", "ama@example.org").Set("Form.Consent", "true"))).StatusCode);
        var screen = await officer.OpenAsync($"/proposals/{id}/consultations/moderation");
        var all = FormFields.Read(ParticipationKit.FormOf(screen, "moderation-all"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"/proposals/{id}/consultations/moderation?handler=Publish", all)).StatusCode);
        Assert.Contains("fish market", (await resident.OpenAsync($"/consult/{page}")).Text, StringComparison.Ordinal);

        var url = $"/proposals/{id}/consultations/personal-data";
        var export = await officer.PostFormAsync(url, "personal-data", f => f.Set("Person", "ama@example.org"), "Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        using (var file = JsonDocument.Parse(await export.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Put the panels on the fish market too.", file.RootElement.GetProperty("comments").EnumerateArray().Single().GetProperty("text").GetString());
            Assert.Equal("Nobody told us about the meeting.", file.RootElement.GetProperty("grievances").EnumerateArray().Single().GetProperty("text").GetString());
        }

        // Erasure needs the box ticked.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await officer.PostFormAsync(url, "personal-data", f => f.Set("Person", "ama@example.org"), "Erase")).StatusCode);
        var erased = await officer.PostFormAsync(url, "personal-data", f => f.Set("Person", "Ama Mensah").Set("Confirm", "true"), "Erase");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var rest = await officer.PostFormAsync(url, "personal-data", f => f.Set("Person", "ama@example.org").Set("Confirm", "true"), "Erase");
        Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);

        using var db = app.OpenDb();
        var inputs = await db.ParticipationInputs.Where(i => i.ProposalId == id).ToListAsync();
        Assert.DoesNotContain(inputs, i => i.Text.Contains("fish", StringComparison.Ordinal) || i.Contact == "Ama@Example.org" || i.AuthorName == "Ama Mensah");
        Assert.Equal(2, inputs.Count);
        Assert.Single(inputs, i => i.ErasedAt is not null);
        var grievance = await db.Grievances.SingleAsync(g => g.ProposalId == id);
        Assert.Equal(("", null), (grievance.Text, grievance.Contact));
        Assert.Equal(Web.Data.Participation.GrievanceCategory.Participation, grievance.Category);
        var publicPage = await resident.OpenAsync($"/consult/{page}");
        Assert.DoesNotContain("fish market", publicPage.Text, StringComparison.Ordinal);
        Assert.Contains("Someone else's comment.", publicPage.Text, StringComparison.Ordinal);
        // The audit says how many, never whose.
        var audit = await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "personal-data-erased").Select(e => e.Summary).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain(audit, s => s.Contains("ama", StringComparison.OrdinalIgnoreCase));
    }

    /// Every text of a package: the PDFs read back, the Office files' XML, the rest as it is.
    private static string PackageText(byte[] zip)
    {
        var text = new System.Text.StringBuilder();
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        foreach (var entry in archive.Entries)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (entry.Name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
                foreach (var page in pdf.GetPages())
                    text.AppendLine(string.Join(" ", page.GetWords().Select(w => w.Text)));
            }
            else if (entry.Name.EndsWith(".docx", StringComparison.Ordinal) || entry.Name.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                using var office = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
                foreach (var part in office.Entries.Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal)))
                {
                    using var reader = new StreamReader(part.Open());
                    text.AppendLine(reader.ReadToEnd());
                }
            }
            else
            {
                text.AppendLine(System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
        return text.ToString();
    }

    /// Why erasure may leave a submitted version as it was sent (ADR 0022): what a version keeps
    /// of a resident is their words, never their name or contact, in its stored evidence and in
    /// every file of its package.
    [Fact]
    public async Task ASubmittedVersion_HoldsAResidentsWords_NeverTheirNameOrContact()
    {
        var (id, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Put the panels on the fish market too.", f => f.Set("Form.Contact", "ama.mensah@example.org").Set("Form.AuthorName", "Ama Mensah"))).StatusCode);
        var screen = await officer.OpenAsync($"/proposals/{id}/consultations/moderation");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"/proposals/{id}/consultations/moderation?handler=Publish", FormFields.Read(ParticipationKit.FormOf(screen, "moderation-all")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "response", f => f
            .Set("Reply.Disposition", "Accepted").Set("Reply.Response", "The fish market roof is added to component 2."), "Respond")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.SubmitAsync(id)).StatusCode);

        using var db = app.OpenDb();
        var submission = await db.Submissions.SingleAsync(s => s.ProposalId == id);
        var package = await db.SubmissionPackages.SingleAsync(p => p.SubmissionId == submission.Id);
        var kept = submission.Engagement + "\n" + submission.Document + "\n" + PackageText(package.Content);
        // The words are there (so the search below is not blind), the person is not.
        Assert.Contains("fish", kept, StringComparison.Ordinal);
        Assert.Contains("stakeholder-engagement", string.Join(" ", new System.IO.Compression.ZipArchive(new MemoryStream(package.Content)).Entries.Select(e => e.Name)), StringComparison.Ordinal);
        Assert.DoesNotContain("Mensah", kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ama.mensah", kept, StringComparison.OrdinalIgnoreCase);
    }
}
