using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Organisations;

/// /organisation: an administrator manages their own organisation's members, and only those.
public sealed class OrganisationAdminTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<(Guid Org, Guid Admin, Guid Member)> TownAsync(string name)
    {
        var org = await app.CreateOrganisationAsync(name, OrganisationKind.Municipality);
        var admin = await app.CreateUserAsync($"admin@{name}.test", org, MemberRole.OrganisationAdmin);
        var member = await app.CreateUserAsync($"officer@{name}.test", org, MemberRole.Editor);
        return (org, admin, member);
    }

    [Fact]
    public async Task Admin_SeesOwnMembers_Only_AndOtherOrganisationsMemberIs404()
    {
        await TownAsync("a");
        var b = await TownAsync("b");
        using var admin = await app.SignedInClientAsync("admin@a.test");

        var page = await admin.OpenAsync("/organisation");
        Assert.Contains("officer@a.test", page.Get("table.members").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("officer@b.test", page.Html, StringComparison.Ordinal);

        foreach (var (handler, extra) in new[] { ("Role", ("role", "Reader")), ("Disable", ("x", "")), ("Enable", ("x", "")) })
        {
            var response = await admin.PostWithTokenAsync("/organisation", "/organisation?handler=" + handler, ("userId", b.Member.ToString()), extra);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var db = app.OpenDb();
        var other = await db.Users.SingleAsync(u => u.Id == b.Member);
        Assert.Equal((MemberRole.Editor, (DateTime?)null), (other.Role, other.DisabledAt));
    }

    [Fact]
    public async Task Admin_CannotDisableOrDemoteThemselves()
    {
        var a = await TownAsync("a");
        using var admin = await app.SignedInClientAsync("admin@a.test");

        var disable = await Wizard.WizardPage.ReadAsync(await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Disable", ("userId", a.Admin.ToString())));
        var demote = await Wizard.WizardPage.ReadAsync(await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Role", ("userId", a.Admin.ToString()), ("role", "Reader")));

        Assert.Contains("You cannot disable your own account", disable.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("You cannot change your own role", demote.Get(".error-summary").TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        var me = await db.Users.SingleAsync(u => u.Id == a.Admin);
        Assert.Equal((MemberRole.OrganisationAdmin, (DateTime?)null), (me.Role, me.DisabledAt));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/organisation")).StatusCode);
    }

    [Fact]
    public async Task DisablingAMember_EndsTheirSessions_PageRedirectsAndApiAnswers401()
    {
        await TownAsync("a");
        using var admin = await app.SignedInClientAsync("admin@a.test");
        using var officerPages = await app.SignedInClientAsync("officer@a.test");
        using var officerApi = await app.SignedInClientAsync("officer@a.test");
        Assert.Equal(HttpStatusCode.OK, (await officerPages.GetAsync("/")).StatusCode);

        var response = await admin.SubmitFormAsync("/organisation", "main form[action$='handler=Disable']", _ => { });
        Assert.Equal("/organisation?done=member-disabled", response.Location());

        var page = await officerPages.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officerApi.GetAsync("/api/proposals")).StatusCode);
        using var db = app.OpenDb();
        Assert.NotNull((await db.Users.SingleAsync(u => u.Email == "officer@a.test")).DisabledAt);
        using var again = app.CreateBrowserClient();
        Assert.NotEqual(HttpStatusCode.Redirect, (await again.SignInAsync("officer@a.test")).StatusCode);
    }

    [Fact]
    public async Task Admin_InvitesColleague_SeesLinkOnce_AndRevokes()
    {
        var a = await TownAsync("a");
        using var admin = await app.SignedInClientAsync("admin@a.test", "fr");

        var invited = await Wizard.WizardPage.ReadAsync(await admin.SubmitFormAsync("/organisation", "main form.invite-form", f => f.Set("email", "new@a.test").Set("role", "Reader")));
        Assert.Contains("/account/join/", invited.Get("code.invitation-link").TextContent, StringComparison.Ordinal);
        Assert.Contains("Invitation envoyée à new@a.test.", invited.Text, StringComparison.Ordinal);

        var bad = await Wizard.WizardPage.ReadAsync(await admin.SubmitFormAsync("/organisation", "main form.invite-form", f => f.Set("email", "not an address")));
        Assert.Contains("Saisissez l’adresse électronique de la personne à inviter", bad.Get(".error-summary").TextContent, StringComparison.Ordinal);

        var revoked = await admin.SubmitFormAsync("/organisation", "main form[action$='handler=Revoke']", _ => { });
        Assert.Equal("/organisation?done=invite-revoked", revoked.Location());
        using var db = app.OpenDb();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == "new@a.test");
        Assert.Equal((a.Org, MemberRole.Reader), (invitation.OrganisationId!.Value, invitation.Role));
        Assert.NotNull(invitation.RevokedAt);
    }

    [Fact]
    public async Task Admin_CannotEnableAPlatformAdministratorThatWasDisabled()
    {
        var a = await TownAsync("a");
        var platform = await app.CreateUserAsync("platform@a.test", a.Org, MemberRole.Editor, platformAdmin: true);
        using (var db = app.OpenDb())
            await db.Users.Where(u => u.Id == platform).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTime.UtcNow));
        using var admin = await app.SignedInClientAsync("admin@a.test");

        var response = await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Enable", ("userId", platform.ToString()));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Contains("only another platform administrator", page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        using var check = app.OpenDb();
        Assert.NotNull((await check.Users.SingleAsync(u => u.Id == platform)).DisabledAt);
    }

    [Fact]
    public async Task Admin_CannotDisableAPlatformAdministratorOfTheirOrganisation()
    {
        var a = await TownAsync("a");
        var platform = await app.CreateUserAsync("platform@a.test", a.Org, MemberRole.Editor, platformAdmin: true);
        using var admin = await app.SignedInClientAsync("admin@a.test");

        var response = await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Disable", ("userId", platform.ToString()));

        var page = await Wizard.WizardPage.ReadAsync(response);
        Assert.Contains("only another platform administrator", page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == platform)).DisabledAt);
    }

    [Fact]
    public async Task Editor_CannotOpenOrganisationAdministration()
    {
        await TownAsync("a");
        using var officer = await app.SignedInClientAsync("officer@a.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/organisation")).StatusCode);
    }
}
