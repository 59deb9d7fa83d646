using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Organisations;

/// /admin: organisations, invitations into them, agency links, template packs.
public sealed class PlatformAdminTests : IDisposable
{
    private const string Admin = "admin@platform.test";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<HttpClient> AdminAsync(string? language = null)
    {
        await app.CreateUserAsync(Admin, AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        return await app.SignedInClientAsync(Admin, language);
    }

    [Fact]
    public async Task Admin_CreatesOrganisation_Invites_AndTheInvitedPersonJoinsAndSignsIn()
    {
        using var admin = await AdminAsync();

        var created = await admin.SubmitFormAsync("/admin", "main form[action='/admin']", f => f
            .Set("name", "Commune de Kaolack").Set("kind", "Municipality").Set("country", "sn"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Guid organisationId;
        using (var db = app.OpenDb())
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == "Commune de Kaolack");
            Assert.Equal(OrganisationKind.Municipality, organisation.Kind);
            Assert.Equal("SN", organisation.Country);
            organisationId = organisation.Id;
        }
        Assert.Equal($"/admin/organisations/{organisationId}?done=created", created.Location());

        var list = await admin.OpenAsync("/admin");
        Assert.Contains("Commune de Kaolack", list.Get("table.organisations").TextContent, StringComparison.Ordinal);

        var detail = $"/admin/organisations/{organisationId}";
        var invited = await admin.SubmitFormAsync(detail, "main form.invite-form", f => f.Set("email", "mayor@kaolack.test").Set("role", "OrganisationAdmin"));
        var page = await Wizard.WizardPage.ReadAsync(invited);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = page.Get("code.invitation-link").TextContent.Trim();
        Assert.Contains("/account/join/", link, StringComparison.Ordinal);
        Assert.Contains("mayor@kaolack.test", page.Get(".pending-invitations").TextContent, StringComparison.Ordinal);

        // The same link went out by email.
        var outbox = ((OutboxEmailSender)app.Services.GetRequiredService<IEmailSender>()).Folder;
        Assert.Contains(Directory.GetFiles(outbox).Select(File.ReadAllText), mail => mail.Contains("To: mayor@kaolack.test", StringComparison.Ordinal) && mail.Contains(link, StringComparison.Ordinal));

        // A reload no longer shows the link.
        Assert.Null((await admin.OpenAsync(detail)).Find("code.invitation-link"));

        using var newcomer = app.CreateBrowserClient();
        var joinPath = new Uri(link).PathAndQuery;
        var joined = await newcomer.SubmitFormAsync(joinPath, "main form", f => f.Set("displayName", "Awa Ndiaye").Set("password", TestAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "mayor@kaolack.test");
            Assert.Equal(organisationId, user.OrganisationId);
            Assert.Equal(MemberRole.OrganisationAdmin, user.Role);
        }
        using var signedIn = await app.SignedInClientAsync("mayor@kaolack.test");
        var own = await signedIn.OpenAsync("/organisation");
        Assert.Contains("Commune de Kaolack", own.Get("h1").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganisation_Invalid_ShowsMessages_InFrench()
    {
        using var admin = await AdminAsync("fr");

        var response = await admin.SubmitFormAsync("/admin", "main form[action='/admin']", f => f.Set("name", new string('x', 201)).Set("country", "SEN"));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var errors = page.Get(".error-summary").TextContent;
        Assert.Contains("Saisissez le nom de l’organisation, 200 caractères au plus.", errors, StringComparison.Ordinal);
        Assert.Contains("code ISO à deux lettres", errors, StringComparison.Ordinal);
    }

    /// A name is one line: a control character (pasted, or sent to forge a log line or break a CSV
    /// cell) is refused, with the character named, and no organisation is made (issue 19).
    [Theory]
    [InlineData("Commune\u000Bde Dassa", "en", "Name of the organisation contains the control character U+000B, which cannot be saved")]
    [InlineData("Commune de Dassa\nadmin=1", "fr", "Nom de l’organisation contient le caractère de contrôle U+000A")]
    [InlineData("Commune\u0085de Dassa", "en", "U+0085")]
    public async Task CreateOrganisation_WithAControlCharacter_IsRefused(string name, string language, string message)
    {
        using var admin = await AdminAsync(language);
        name = System.Text.RegularExpressions.Regex.Unescape(name);

        var response = await admin.SubmitFormAsync("/admin", "main form[action='/admin']", f => f.Set("name", name));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.False(await db.Organisations.AnyAsync(o => o.Name.StartsWith("Commune")));
    }

    [Fact]
    public async Task Link_OnlyPlanningAgencyToMunicipalityOrRegion()
    {
        var agency = await app.CreateOrganisationAsync("Agence d'appui", OrganisationKind.PlanningAgency);
        var town = await app.CreateOrganisationAsync("Town", OrganisationKind.Municipality);
        var donor = await app.CreateOrganisationAsync("Donor", OrganisationKind.Donor);
        using var admin = await AdminAsync();

        var refused = await admin.SubmitFormAsync($"/admin/organisations/{agency}", "main form[action$='handler=Link']", f => f.Set("other", donor.ToString()));
        var page = await Wizard.WizardPage.ReadAsync(refused);
        Assert.Contains("Only a planning agency can be linked, and only to a municipality or a region it supports.", page.Get(".error-summary").TextContent, StringComparison.Ordinal);

        // From the municipality's page: the agency is found as the supporting side.
        var linked = await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Link']", f => f.Set("other", agency.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        using var db = app.OpenDb();
        var link = await db.AgencyLinks.SingleAsync();
        Assert.Equal((agency, town), (link.AgencyId, link.SupportedOrganisationId));
    }

    [Fact]
    public async Task TemplatePacks_AreListed()
    {
        using var admin = await AdminAsync();

        var page = await admin.OpenAsync("/admin");

        var packs = page.Get("table.template-packs").TextContent;
        Assert.Contains("GCF-FP-V3.0", packs, StringComparison.Ordinal);
        Assert.Contains("templates/", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatePacks_ChangedOnTheServer_AreCheckedAndReloaded_WithoutARestart()
    {
        var folder = Directory.CreateTempSubdirectory("fb-packs-").FullName;
        var pack = Path.Combine(folder, "gcf-concept-note");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "templates", "gcf-concept-note"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(pack, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "templates", "gcf-concept-note"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var host = app.With(new Dictionary<string, string> { ["FinanceBuilder:TemplatesDirectory"] = folder });
        await app.CreateUserAsync("packs@platform.test", AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        using var admin = await host.SignedInClientAsync("packs@platform.test");
        Assert.Contains("gcf-concept-note", (await admin.OpenAsync("/admin")).Get("table.template-packs").TextContent, StringComparison.Ordinal);

        // An administrator breaks a template on the server, then reloads: the pack is withdrawn
        // and the page says where the problem is.
        var section = Path.Combine(pack, "en", "a-summary.scriban");
        var original = await File.ReadAllTextAsync(section);
        await File.WriteAllTextAsync(section, original + "\n{{ if }}\n");
        var broken = await Wizard.WizardPage.ReadAsync(await admin.SubmitFormAsync("/admin", "main form[action$='handler=Reload']", _ => { }));
        Assert.Equal(HttpStatusCode.OK, broken.Status);
        Assert.Contains("a-summary.scriban", broken.Get(".pack-problems").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("gcf-concept-note", broken.Get("table.template-packs").TextContent, StringComparison.Ordinal);

        // Fixed and reloaded: offered again.
        await File.WriteAllTextAsync(section, original);
        var fixedPage = await Wizard.WizardPage.ReadAsync(await admin.SubmitFormAsync("/admin", "main form[action$='handler=Reload']", _ => { }));
        Assert.Null(fixedPage.Find(".pack-problems"));
        Assert.Contains("gcf-concept-note", fixedPage.Get("table.template-packs").TextContent, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task DisablingAnOrganisation_EndsItsMembersSessions()
    {
        var town = await app.CreateOrganisationAsync("Town", OrganisationKind.Municipality);
        await app.CreateUserAsync("officer@town.test", town);
        using var officer = await app.SignedInClientAsync("officer@town.test");
        using var admin = await AdminAsync();

        var disabled = await admin.SubmitFormAsync($"/admin/organisations/{town}", "main form[action$='handler=Disable']", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var next = await officer.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/account/sign-in", next.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAdministrator_CannotOpenAdmin()
    {
        using var editor = app.CreateApiClient();

        var response = await editor.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
