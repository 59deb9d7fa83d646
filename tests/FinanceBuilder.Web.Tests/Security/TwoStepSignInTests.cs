using System.Net;
using System.Security.Cryptography;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Security;

/// Issue 19: two-step sign-in with an authenticator app (TOTP) and recovery codes, available to
/// everyone, required of platform administrators (the production default, kept here), and
/// required of an organisation's members when its administrator says so.
public sealed class TwoStepSignInTests : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:TwoFactor:RequiredForPlatformAdmins"] = "true" });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AnyoneCanSetItUp_ThenSigningInAsksForTheCode_AndARecoveryCodeWorksOnce()
    {
        await app.CreateUserAsync("officer@two.test", AccessScope.WorkspaceOrganisationId);
        using var me = await app.SignedInClientAsync("officer@two.test");
        var key = await SetUpAsync(me);

        // Signing in again: the password alone opens nothing.
        using var browser = app.CreateBrowserClient();
        var password = await browser.SignInAsync("officer@two.test");
        Assert.Equal("/account/two-step", password.Location());
        Assert.True(SecurityKit.IsSignInRedirect(await browser.GetAsync("/")));
        var wrong = await browser.SubmitFormAsync("/account/two-step", "main form", f => f.Set("code", WrongCode(key)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("That code is not right", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(SecurityKit.IsSignInRedirect(await browser.GetAsync("/")));
        // (The code that confirmed the set-up a moment ago was used: the next one signs in.)
        var code = Totp.At(key, 1);
        var right = await browser.SubmitFormAsync("/account/two-step", "main form", f => f.Set("code", code));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // Someone who saw that code typed, and knows the password, cannot use it again.
        using var onlooker = app.CreateBrowserClient();
        await onlooker.SignInAsync("officer@two.test");
        var replay = await onlooker.SubmitFormAsync("/account/two-step", "main form", f => f.Set("code", code));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("That code was used already", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(SecurityKit.IsSignInRedirect(await onlooker.GetAsync("/")));

        // A recovery code signs in once.
        var recovery = SetUpRecoveryCodes[0];
        using var lost = app.CreateBrowserClient();
        await lost.SignInAsync("officer@two.test");
        Assert.Equal(HttpStatusCode.Redirect, (await lost.SubmitFormAsync("/account/two-step", "main form", f => f.Set("code", recovery))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lost.GetAsync("/")).StatusCode);
        using var again = app.CreateBrowserClient();
        await again.SignInAsync("officer@two.test");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await again.SubmitFormAsync("/account/two-step", "main form", f => f.Set("code", recovery))).StatusCode);

        using var db = app.OpenDb();
        Assert.Contains(await db.PrivilegedEvents.Select(e => e.Action).ToListAsync(), a => a == "mfa-enabled");
    }

    [Fact]
    public async Task APlatformAdministrator_MustSetItUp_BeforeAnythingElse_AndCannotSwitchItOff()
    {
        await app.CreateUserAsync("chief@two.test", AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        using var chief = await app.SignedInClientAsync("chief@two.test");

        Assert.Equal("/account/security?required=true", (await chief.GetAsync("/admin")).Location());
        Assert.Equal("/account/security?required=true", (await chief.GetAsync("/")).Location());
        using (var api = new HttpRequestMessage(HttpMethod.Get, "/api/proposals"))
            Assert.Equal(HttpStatusCode.Forbidden, (await chief.SendAsync(api)).StatusCode);
        var page = await chief.OpenAsync("/account/security?required=true");
        Assert.Contains("Your account must use two-step sign-in", page.Text, StringComparison.Ordinal);

        var key = await SetUpAsync(chief);

        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync("/admin")).StatusCode);
        // The code that confirmed the set-up cannot confirm another change.
        var again = await chief.SubmitFormAsync("/account/security", "main form[action$='handler=Codes']", f => f.Set("code", Totp.Now(key)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("That code was used already", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var off = await chief.SubmitFormAsync("/account/security", "main form[action$='handler=Codes']", f => f.Set("code", Totp.At(key, 1)));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Null((await chief.OpenAsync("/account/security")).Find("form[action$='handler=Disable']"));
        var refused = await chief.PostWithTokenAsync("/account/security", "/account/security?handler=Disable", ("code", Totp.Now(key)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var db = app.OpenDb();
        Assert.True((await db.Users.SingleAsync(u => u.Email == "chief@two.test")).TwoFactorEnabled);
    }

    [Fact]
    public async Task AnOrganisation_CanRequireIt_OfItsMembers()
    {
        var town = await app.CreateOrganisationAsync("Commune", OrganisationKind.Municipality);
        await app.CreateUserAsync("mayor@town.test", town, MemberRole.OrganisationAdmin);
        await app.CreateUserAsync("officer@town.test", town);
        using var mayor = await app.SignedInClientAsync("mayor@town.test");
        using var officer = await app.SignedInClientAsync("officer@town.test");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);

        var required = await mayor.SubmitFormAsync("/organisation", "main form.two-step-form", _ => { });
        Assert.Equal("/organisation?done=two-step-required", required.Location());

        Assert.Equal("/account/security?required=true", (await officer.GetAsync("/")).Location());
        Assert.Equal("/account/security?required=true", (await mayor.GetAsync("/organisation")).Location());
        using var db = app.OpenDb();
        var evt = await db.PrivilegedEvents.SingleAsync(e => e.Action == "mfa-required");
        Assert.Equal(town, evt.OrganisationId);
    }

    private string[] SetUpRecoveryCodes = [];

    /// Opens the security page, reads the key as a person would type it, and confirms with a code.
    private async Task<string> SetUpAsync(HttpClient client)
    {
        var page = await client.OpenAsync("/account/security");
        Assert.NotNull(page.Find(".qr svg"));
        var key = page.Get("code.two-step-key").TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var wrong = await client.SubmitFormAsync("/account/security", "main form[action$='handler=Enable']", f => f.Set("code", WrongCode(key)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var enabled = await Wizard.WizardPage.ReadAsync(await client.SubmitFormAsync("/account/security", "main form[action$='handler=Enable']", f => f.Set("code", Totp.Now(key))));
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        SetUpRecoveryCodes = enabled.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToArray();
        Assert.Equal(10, SetUpRecoveryCodes.Length);
        return key;
    }

    private static string WrongCode(string key)
    {
        var right = Totp.Now(key);
        return right == "000000" ? "111111" : "000000";
    }

    /// RFC 6238 as an authenticator app computes it: HMAC-SHA1 of the 30-second step, 6 digits.
    private static class Totp
    {
        public static string Now(string base32Key) => At(base32Key, 0);

        /// The code of a later step: the app accepts two steps either side of now, as a phone
        /// whose clock is a little ahead would show.
        public static string At(string base32Key, int stepsFromNow)
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsFromNow;
            var counter = BitConverter.GetBytes(step);
            if (BitConverter.IsLittleEndian)
                Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 (and every authenticator app) uses HMAC-SHA1.
            var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
            var offset = hash[^1] & 0x0f;
            var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
            return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static byte[] Base32(string text)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var bytes = new List<byte>();
            int buffer = 0, bits = 0;
            foreach (var c in text.TrimEnd('='))
            {
                buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
                bits += 5;
                if (bits >= 8)
                {
                    bytes.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return [.. bytes];
        }
    }
}
