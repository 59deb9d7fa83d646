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
