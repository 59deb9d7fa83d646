using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Organisations;

/// Issue 19: every privileged action — organisations created, disabled, enabled; agency links;
/// invitations sent and revoked; roles changed; people disabled and enabled; template packs
/// reloaded — is in the trail with who, what, when and from where, which platform
/// administrators read at /admin/audit and nobody else can.
public sealed class PrivilegedAuditTests : IDisposable
{
    private const string Admin = "chief@platform.test";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task EveryPrivilegedAction_IsRecorded_WithWhoWhatWhenAndWhere()
    {
        await app.CreateUserAsync(Admin, AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        var agency = await app.CreateOrganisationAsync("Agence régionale", OrganisationKind.PlanningAgency);
        using var admin = await app.SignedInClientAsync(Admin);
        long before;
        using (var start = app.OpenDb())
            before = await start.PrivilegedEvents.MaxAsync(e => (long?)e.Id) ?? 0;

        // The platform administrator: a new commune, an invitation into it, a link, disable, enable.
        var created = await admin.SubmitFormAsync("/admin", "main form[action='/admin']", f => f.Set("name", "Commune de Dassa").Set("kind", "Municipality"));
        var town = Guid.Parse(created.Location().Split('/', '?')[3]);
        await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form.invite-form", f => f.Set("email", "mayor@dassa.test").Set("role", "OrganisationAdmin"));
        await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Link']", f => f.Set("other", agency.ToString()));
        await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Unlink']", _ => { });
        await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Disable']", _ => { });
        await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Enable']", _ => { });
        await admin.SubmitFormAsync("/admin", "main form[action$='handler=Reload']", _ => { });

        // The commune's own administrator: a role, a member disabled and enabled again, an invitation revoked.
        await app.CreateUserAsync("mayor@dassa.test", town, MemberRole.OrganisationAdmin);
        var officer = await app.CreateUserAsync("officer@dassa.test", town, MemberRole.Editor);
        using var mayor = await app.SignedInClientAsync("mayor@dassa.test");
        await mayor.PostWithTokenAsync("/organisation", "/organisation?handler=Role", ("userId", officer.ToString()), ("role", "Reader"));
        await mayor.PostWithTokenAsync("/organisation", "/organisation?handler=Disable", ("userId", officer.ToString()));
        await mayor.PostWithTokenAsync("/organisation", "/organisation?handler=Enable", ("userId", officer.ToString()));
        await mayor.SubmitFormAsync("/organisation", "main form.invite-form", f => f.Set("email", "clerk@dassa.test").Set("role", "Reader"));
        await mayor.SubmitFormAsync("/organisation", "main form[action$='handler=Revoke']", _ => { });

        using var db = app.OpenDb();
        // Accounts made by the test itself (as the system, from "server") are left aside.
        var events = await db.PrivilegedEvents.Where(e => e.Id > before && e.ActorUserId != null).OrderBy(e => e.Id).ToListAsync();
        string[] expected =
        [
            "organisation-created", "invitation-sent", "agency-linked", "agency-unlinked", "organisation-disabled", "organisation-enabled", "packs-reloaded",
            "role-changed", "account-disabled", "account-enabled", "invitation-sent", "invitation-revoked",
        ];
        Assert.Equal(expected, events.Select(e => e.Action));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Address) || e.Address is "server" or "unknown", e.Address));
        var role = events.Single(e => e.Action == "role-changed");
        Assert.Equal((officer, town, "officer@dassa.test", "Editor", "Reader"), (role.UserId!.Value, role.OrganisationId!.Value, role.Summary, role.Before, role.After));
        Assert.Equal("mayor", role.ActorName);
        var link = events.Single(e => e.Action == "agency-linked");
        Assert.Equal((agency, town), (link.OrganisationId!.Value, link.RelatedOrganisationId!.Value));
        Assert.Equal(Admin.Split('@')[0], link.ActorName);

        // The platform administrator reads it, filtered by the commune; the commune's administrator cannot.
        var page = await admin.OpenAsync($"/admin/audit?organisation={town}");
        var rows = page.Document.QuerySelectorAll("table.privileged-events tbody tr");
        using (var all = app.OpenDb())
            Assert.Equal(await all.PrivilegedEvents.CountAsync(e => e.OrganisationId == town || e.RelatedOrganisationId == town || e.ActorOrganisationId == town), rows.Length);
        var roleRow = rows.Single(r => r.GetAttribute("data-action") == "role-changed").TextContent;
        Assert.Contains("Role changed", roleRow, StringComparison.Ordinal);
        Assert.Contains("Commune de Dassa — officer@dassa.test", roleRow, StringComparison.Ordinal);
        Assert.Contains("mayor (Commune de Dassa)", roleRow, StringComparison.Ordinal);
        var linkRow = rows.Single(r => r.GetAttribute("data-action") == "agency-linked").TextContent;
        Assert.Contains("Agence régionale — Commune de Dassa", linkRow, StringComparison.Ordinal);
        Assert.Contains("officer@dassa.test: editor → reader", roleRow, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.GetAttribute("data-action") == "invitation-sent" && r.TextContent.Contains("mayor@dassa.test — organisation administrator", StringComparison.Ordinal));
        var reloads = await admin.OpenAsync("/admin/audit?action=packs-reloaded");
        Assert.Single(reloads.Document.QuerySelectorAll("table.privileged-events tbody tr"));

        // Read in French, what the app knows is in French; what people typed stays as typed.
        using var french = await app.SignedInClientAsync(Admin, "fr");
        var frenchRows = (await french.OpenAsync($"/admin/audit?organisation={town}")).Document.QuerySelectorAll("table.privileged-events tbody tr");
        Assert.Contains("officer@dassa.test\u00a0: éditeur → lecteur", frenchRows.Single(r => r.GetAttribute("data-action") == "role-changed").TextContent, StringComparison.Ordinal);
        Assert.Contains("Commune de Dassa — Municipalité", frenchRows.Single(r => r.GetAttribute("data-action") == "organisation-created").TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await mayor.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task TheTrail_CannotBeReadThroughAnOrdinaryContext()
    {
        await app.CreateUserAsync(Admin, AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        using var admin = await app.SignedInClientAsync(Admin);
        await admin.SubmitFormAsync("/admin", "main form[action='/admin']", f => f.Set("name", "Commune de Dassa").Set("kind", "Municipality"));

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FinanceBuilderDbContext>(scope.ServiceProvider);
        Assert.Empty(await db.PrivilegedEvents.ToListAsync());
        using var system = app.OpenDb();
        Assert.NotEmpty(await system.PrivilegedEvents.ToListAsync());
    }
}
