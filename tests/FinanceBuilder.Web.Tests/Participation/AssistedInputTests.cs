using System.IO.Compression;
using System.Net;
using AngleSharp.Dom;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Participation;

/// Assisted input (AC-16): staff write down what a resident without internet, or speaking another
/// language, tells them. The input is kept marked as assisted, with who entered it, how it came and
/// the consent statement read; the list and the annex say so, and the audit trail names who did it.
/// Without the channel or the consent statement it is refused and nothing is kept.
public sealed class AssistedInputTests : IDisposable
{
    private const string Words = "Please put shade over the fish stalls.";

    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public AssistedInputTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    private Task<HttpResponseMessage> AddInputAsync(Guid id, Action<FormFields> change) =>
        officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "input", change, "Add");

    /// An input's entry on the "What people said" list, found by its words.
    private static IElement Entry(WizardPage page, string words) =>
        page.Document.QuerySelectorAll("ol.public-comments > li").Single(li => li.TextContent.Contains(words, StringComparison.Ordinal));

    [Fact]
    public async Task AnAssistedInput_IsStoredMarked_ListedAsSuch_AndAuditedWithWhoEnteredIt()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        // A consultation's input beside it, to show that only the assisted one is marked.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations", "consultation", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "PublicMeeting").Set("Form.Level", "Consultation")
            .Set("Form.Place", "Lamashegu market hall").Set("Form.Women", "23").Set("Form.Men", "14"))).StatusCode);
        Guid held;
        using (var db = app.OpenDb())
            held = (await db.Consultations.SingleAsync(c => c.ProposalId == id)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await AddInputAsync(id, f => f
            .Set("Form.ConsultationId", held.ToString()).Set("Form.Text", "Start with Aboabo market."))).StatusCode);

        // The consent statement is the one the form offers, as the officer read it out.
        var (_, offered) = await officer.OpenFormAsync($"/proposals/{id}/consultations/inputs", "input");
        var statement = offered["Form.ConsentRead"];
        Assert.False(string.IsNullOrWhiteSpace(statement));
        var added = await AddInputAsync(id, f => f
            .Set("Form.Assisted", "true").Set("Form.Channel", "Phone").Set("Form.Group", "Elderly").Set("Form.Text", Words));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        using (var db = app.OpenDb())
        {
            var editor = await db.Users.SingleAsync(u => u.Email == TestAccounts.DefaultEditor);
            var inputs = await db.ParticipationInputs.Where(i => i.ProposalId == id).ToListAsync();
            var assisted = inputs.Single(i => i.Text == Words);
            Assert.Equal((true, InputSource.Assisted, InputChannel.Phone, Moderation.Internal), (assisted.Assisted, assisted.Source, assisted.Channel, assisted.Moderation));
            Assert.Equal((editor.Id, "editor"), (assisted.EnteredByUserId!.Value, assisted.EnteredByName));
            Assert.Equal(statement!.Trim(), assisted.ConsentRead);
            // The consultation's input is not marked, and keeps no consent statement though the
            // form sent its default text.
            var said = inputs.Single(i => i.Text != Words);
            Assert.Equal((false, InputSource.Consultation, (InputChannel?)null, (string?)null), (said.Assisted, said.Source, said.Channel, said.ConsentRead));

            var audit = await db.AuditEvents.SingleAsync(e => e.ProposalId == id && e.Action == "input-assisted");
            Assert.Equal((editor.Id, "editor"), (audit.UserId!.Value, audit.UserName));
            Assert.Equal("entered for a resident (Phone), consent read", audit.Summary);
            Assert.Single(await db.AuditEvents.Where(e => e.ProposalId == id && e.Action == "input").ToListAsync());
        }

        var list = await officer.FollowAsync(added);
        Assert.Contains("entered for a resident (phone) by editor", Entry(list, Words).QuerySelector(".caption")!.TextContent, StringComparison.Ordinal);
        var other = Entry(list, "Start with Aboabo market.").QuerySelector(".caption")!.TextContent;
        Assert.Contains("at a consultation", other, StringComparison.Ordinal);
        Assert.DoesNotContain("entered for a resident", other, StringComparison.Ordinal);

        // The proposal's activity names who entered it.
        var activity = await officer.OpenAsync($"/proposals/{id}/activity");
        var row = activity.Document.QuerySelectorAll("table.activity tbody tr").Single(r => r.TextContent.Contains("Input entered for a resident", StringComparison.Ordinal));
        Assert.Contains("editor", row.QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("entered for a resident (Phone), consent read", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnsweredAssistedInput_IsSaidToBeAssisted_InTheEngagementAnnex()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await AddInputAsync(id, f => f
            .Set("Form.Assisted", "true").Set("Form.Channel", "InPerson").Set("Form.Text", Words))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "response", f => f
            .Set("Reply.Disposition", "Accepted").Set("Reply.Response", "The roofs will extend over the fish stalls."), "Respond")).StatusCode);

        var response = await officer.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang=en", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var package = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var annex = package.Entries.Single(e => e.FullName.EndsWith("-stakeholder-engagement.pdf", StringComparison.Ordinal));
        using var bytes = new MemoryStream();
        using (var stream = annex.Open())
            await stream.CopyToAsync(bytes);
        using var pdf = PdfDocument.Open(bytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.True(text.Contains("Entered by staff for residents without internet or in another language: 1;", StringComparison.Ordinal), text);
        // The "From" cell wraps line by line: each of its words is looked for.
        Assert.True(new[] { "entered", "by", "staff", "for", "a", "resident" }.All(w => text.Contains(w, StringComparison.Ordinal)), text);
        Assert.Contains("shade", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssistedInput_WithoutItsChannelOrConsentStatement_IsRefused_AndStoresNothing()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);

        var refused = await AddInputAsync(id, f => f.Set("Form.Assisted", "true").Set("Form.Channel", "").Set("Form.ConsentRead", " ").Set("Form.Text", Words));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = WizardBrowser.Parse(await refused.Content.ReadAsStringAsync());
        var messages = page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Say how the resident's input reached you.", "Write the consent statement you read to the person."], messages);
        Assert.NotNull(page.QuerySelector(".field--error #Channel"));
        Assert.NotNull(page.QuerySelector(".field--error #ConsentRead"));
        // The officer's words and the ticked box come back, to finish rather than retype.
        Assert.Equal(Words, page.QuerySelector("textarea#Text")!.TextContent);
        Assert.True(page.QuerySelector("input#Assisted")!.HasAttribute("checked"));
        using var db = app.OpenDb();
        Assert.False(await db.ParticipationInputs.AnyAsync(i => i.ProposalId == id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ProposalId == id && e.Action.StartsWith("input")));
    }
}
