using System.Net.Http.Json;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Review;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Tenancy;

/// Two applicant organisations (A = the workspace, B), a planning agency linked to A, a donor,
/// and a person for each role, each with a signed-in client. B's data carries a canary string
/// that must never appear in anything A or the donor receives.
public sealed class TenancyWorld : IAsyncLifetime
{
    public const string Canary = "CANARY-TENANT-B-7f3a";

    public AppFactory App { get; } = new();
    public static Guid OrganisationA => AccessScope.WorkspaceOrganisationId;
    public Guid OrganisationB { get; private set; }
    public Guid Agency { get; private set; }
    public Guid Donor { get; private set; }
    public Guid ProposalA { get; private set; }
    public Guid ProposalB { get; private set; }
    public Dictionary<Role, HttpClient> Clients { get; } = [];
    /// A year both proposals report on, and one monitored indicator of each, so that the
    /// monitoring routes reach real rows.
    public const int ReportedYear = 2025;
    public Dictionary<Guid, Guid> Indicators { get; } = [];
    /// A grievance of each proposal, and its public consultation page: participation records
    /// the sweep reaches with another organisation's ids.
    public Dictionary<Guid, Guid> Grievances { get; } = [];
    public Dictionary<Guid, Guid> ConsultationPages { get; } = [];

    public enum Role { Anonymous, ApplicantReader, ApplicantEditor, ApplicantAdmin, PlatformAdmin, AgencyEditor, DonorReader, DonorEditor, OtherTenantEditor }

    public async Task InitializeAsync()
    {
        OrganisationB = await App.CreateOrganisationAsync("Commune B " + Canary, OrganisationKind.Municipality);
        Agency = await App.CreateOrganisationAsync("Planning agency", OrganisationKind.PlanningAgency);
        Donor = await App.CreateOrganisationAsync("Donor fund", OrganisationKind.Donor);
        await App.LinkAgencyAsync(Agency, OrganisationA);

        var people = new (Role Role, string Email, Guid Organisation, MemberRole Member, bool Platform)[]
        {
            (Role.ApplicantReader, "reader@a.test", OrganisationA, MemberRole.Reader, false),
            (Role.ApplicantEditor, "editor@a.test", OrganisationA, MemberRole.Editor, false),
            (Role.ApplicantAdmin, "admin@a.test", OrganisationA, MemberRole.OrganisationAdmin, false),
            (Role.PlatformAdmin, "platform@a.test", OrganisationA, MemberRole.OrganisationAdmin, true),
            (Role.AgencyEditor, "editor@agency.test", Agency, MemberRole.Editor, false),
            (Role.DonorReader, "reader@donor.test", Donor, MemberRole.Reader, false),
            (Role.DonorEditor, "editor@donor.test", Donor, MemberRole.Editor, false),
            (Role.OtherTenantEditor, "editor@b.test", OrganisationB, MemberRole.Editor, false),
        };
        foreach (var person in people)
        {
            await App.CreateUserAsync(person.Email, person.Organisation, person.Member, person.Platform);
            Clients[person.Role] = await App.SignedInClientAsync(person.Email);
        }
        Clients[Role.Anonymous] = App.CreateBrowserClient();

        ProposalA = await ImportAsync(Clients[Role.ApplicantEditor], Samples.ReadText("mitigation-tamale-solar-led.json"));
        var b = Samples.ReadText("adaptation-cotonou-drainage-fr.json");
        b = b.Replace("\"title\": \"", "\"title\": \"" + Canary + " ", StringComparison.Ordinal);
        ProposalB = await ImportAsync(Clients[Role.OtherTenantEditor], b);
        foreach (var (proposal, editor) in new[] { (ProposalA, Role.ApplicantEditor), (ProposalB, Role.OtherTenantEditor) })
        {
            await App.SubmitAsync(proposal, DateTime.UtcNow, proposal == ProposalA ? [Donor] : []);
            await ApproveAsync(Clients[editor], proposal);
            using var db = App.OpenDb();
            Indicators[proposal] = await db.MonitoredIndicators.Where(i => i.ProposalId == proposal).OrderBy(i => i.Position).Select(i => i.Id).FirstOrDefaultAsync();
        }
        foreach (var (proposal, editor, mark) in new[] { (ProposalA, Role.ApplicantEditor, "A"), (ProposalB, Role.OtherTenantEditor, Canary) })
            await ParticipationAsync(Clients[editor], proposal, mark);
    }

    /// A consultation held, a public page opened, a resident's comment published and answered,
    /// and a grievance recorded, as the organisation's editor and a resident do it; B's carry
    /// the canary in every text.
    private async Task ParticipationAsync(HttpClient editor, Guid proposal, string mark)
    {
        static void Ok(HttpResponseMessage response) => Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        var consultations = $"/proposals/{proposal}/consultations";
        Ok(await Calls.PostPageFormAsync(editor, consultations, "form[data-form='consultation']", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "PublicMeeting").Set("Form.Level", "Consultation")
            .Set("Form.Place", "Market hall " + mark).Set("Form.Women", "23").Set("Form.Men", "14")));
        Ok(await Calls.PostPageFormAsync(editor, consultations + "/public", "form[data-form='public-page']", f => f
            .Set("Form.Title", "Have your say " + mark).Set("Form.SummaryEn", "We will fix the drains. " + mark).Set("Form.QuestionsEn", "Which street first?")));
        using (var db = App.OpenDb())
            ConsultationPages[proposal] = await db.PublicConsultations.Where(p => p.ProposalId == proposal).Select(p => p.Id).SingleAsync();
        using (var resident = App.CreateBrowserClient())
        {
            Ok(await Calls.PostPageFormAsync(resident, $"/consult/{ConsultationPages[proposal]}", "form[data-form='comment']", f => f
                .Set("Form.Text", "Start with the school street. " + mark).Set("Form.Contact", "resident@" + (mark == "A" ? "a" : "b") + ".test").Set("Form.Consent", "true")));
        }
        Ok(await Calls.PostPageFormAsync(editor, consultations + "/moderation", "form[data-form='moderation-all']", _ => { }, consultations + "/moderation?handler=Publish"));
        Ok(await Calls.PostPageFormAsync(editor, consultations + "/inputs", "form[data-form='response']", f => f
            .Set("Reply.Disposition", "Accepted").Set("Reply.Response", "It is first. " + mark), consultations + "/inputs?handler=Respond"));
        var grievances = $"/proposals/{proposal}/grievances";
        var recorded = await Calls.PostPageFormAsync(editor, grievances, "form[data-form='grievance-record']", f => f
            .Set("Form.Channel", "Phone").Set("Form.Category", "HealthAndSafety").Set("Form.Text", "The trench has no fence. " + mark));
        Ok(recorded);
        Grievances[proposal] = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/', '?')[4]);
    }

    /// Records the approval of V.001 as its editor does.
    private static async Task ApproveAsync(HttpClient editor, Guid proposal)
    {
        var token = await Calls.TokenAsync(editor);
        using var approval = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.BoardMeeting"] = "B.36",
            ["Form.ApprovedOn"] = "2025-03-14",
            ["Form.Amounts[0].Instrument"] = "Grant",
            ["Form.Amounts[0].Usd"] = "1000000",
            ["Form.FirstYear"] = "2025",
            ["Form.LastYear"] = "2027",
            ["Form.DueDays"] = "60",
        });
        var response = await editor.PostAsync($"/proposals/{proposal}/versions/1/approve", approval);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> ImportAsync(HttpClient client, string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/proposals", body);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return created.GetProperty("id").GetGuid();
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
            client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
