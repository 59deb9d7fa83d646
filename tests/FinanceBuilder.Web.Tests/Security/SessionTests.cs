using System.Net;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Security;

/// T09 (a new session cookie at every sign-in), T10 (sign-out, disabling, idle and absolute
/// lifetimes, on a fake clock) and T11 (cookie attributes, cookie size).
public sealed class SessionTests(ITestOutputHelper output)
{
    private const string Email = "session@workspace.test";

    // The masthead's sign-out form carries no token (see the report); any page form's token
    // is this person's token.
    private const string TokenPage = "/proposals/new";

    private static async Task<Guid> SeedAsync(WebApplicationFactory<Program> app, CookieJarClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = new StringContent(Samples.ReadText("mitigation-tamale-solar-led.json"), Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<string> SignedInCookieAsync(CookieJarClient client, string email = Email)
    {
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SecurityKit.SetCookie(response, SecurityKit.SessionCookie) ?? throw new InvalidOperationException("no session cookie");
    }

    private static Dictionary<string, string> Only(string session) => new() { [SecurityKit.SessionCookie] = session };

    /// T09: every sign-in gives a new cookie value; a cookie from before signing in (planted,
    /// or from an earlier session of the same browser) never authenticates.
    [Fact]
    public async Task SignIn_AlwaysIssuesANewSessionCookie_AndOldOnesNeverAuthenticate()
    {
        using var app = new AppFactory();
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        // Planted before signing in: a made-up value, then each earlier session's cookie.
        client.Cookies[SecurityKit.SessionCookie] = "CfDJ8planted-by-someone-else";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rotated = 0;
        for (var i = 0; i < 50; i++)
        {
            var before = client.Cookies.GetValueOrDefault(SecurityKit.SessionCookie);
            var after = await SignedInCookieAsync(client);
            rotated += after != before ? 1 : 0;
            Assert.True(seen.Add(after), "a session cookie value came back");
            Assert.Equal(after, client.Cookies[SecurityKit.SessionCookie]);
        }
        output.WriteLine($"T09: {rotated}/50 sign-ins changed the session cookie; 50 distinct values");
        Assert.Equal(50, rotated);

        // The planted value and every cookie but the last are refused (signing in again in
        // the same browser ended the session before).
        var last = client.Cookies[SecurityKit.SessionCookie];
        Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/", Only("CfDJ8planted-by-someone-else"))));
        foreach (var old in seen.Where(c => c != last))
            Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/", Only(old))), "an earlier session cookie still authenticates");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Only(last))).StatusCode);

        // Sign out, sign in again: the cookie of the first session is refused.
        var token = await client.TokenAsync(TokenPage);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token })).StatusCode);
        var again = await SignedInCookieAsync(client);
        Assert.NotEqual(last, again);
        Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/", Only(last))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Only(again))).StatusCode);
    }

    /// T10: the cookie handler and the session check read the same (fake) clock.
    [Fact]
    public void CookieHandler_UsesTheAppsClock()
    {
        using var factory = new AppFactory();
        var clock = SecurityKit.PastClock();
        var app = factory.With(clock: clock);
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AccountSetup.Scheme);
        Assert.Same(clock, options.TimeProvider);
        Assert.Same(clock, app.Services.GetRequiredService<TimeProvider>());
    }

    /// T10: a cookie replayed after signing out is refused on every kind of page and API.
    [Fact]
    public async Task Cookie_ReplayedAfterSignOut_IsRefusedEverywhere()
    {
        using var factory = new AppFactory();
        var app = factory.With(clock: SecurityKit.PastClock());
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        var cookie = await SignedInCookieAsync(client);
        var id = await SeedAsync(app, client);
        string[] pages = ["/", $"/proposals/{id}", $"/proposals/{id}/basics", $"/proposals/{id}/package", $"/proposals/{id}/delete", "/proposals/new", "/proposals/import"];
        string[] apis = ["/api/proposals", $"/api/proposals/{id}", $"/api/proposals/{id}/validation"];
        foreach (var url in pages.Concat(apis))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Only(cookie))).StatusCode);

        var token = await client.TokenAsync(TokenPage);
        var signOut = await client.PostFormAsync("/account/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var refused = 0;
        foreach (var url in pages)
            refused += SecurityKit.IsSignInRedirect(await client.GetAsync(url, Only(cookie))) ? 1 : 0;
        foreach (var url in apis)
            refused += (await client.GetAsync(url, Only(cookie))).StatusCode == HttpStatusCode.Unauthorized ? 1 : 0;
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{id}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
            refused += (await client.SendAsync(put, Only(cookie))).StatusCode == HttpStatusCode.Unauthorized ? 1 : 0;
        // The wizard's autosave asks for JSON: it gets 401 (and says "signed out"), not the
        // sign-in page (which it would take for a network failure).
        using (var autosave = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/basics?handler=Autosave") { Content = new FormUrlEncodedContent([KeyValuePair.Create("version", "1")]) })
        {
            autosave.Headers.Add("Accept", "application/json");
            refused += (await client.SendAsync(autosave, Only(cookie))).StatusCode == HttpStatusCode.Unauthorized ? 1 : 0;
        }
        output.WriteLine($"T10: {refused}/{pages.Length + apis.Length + 2} replays after sign-out refused (302 to sign-in / 401)");
        Assert.Equal(pages.Length + apis.Length + 2, refused);
    }

    /// T10: disabling a person or their organisation, or ending their sessions, refuses the
    /// very next request.
    [Theory]
    [InlineData("user")]
    [InlineData("organisation")]
    [InlineData("sessions")]
    public async Task Disabling_RefusesTheNextRequest(string what)
    {
        using var factory = new AppFactory();
        var clock = SecurityKit.PastClock();
        var app = factory.With(clock: clock);
        var organisation = await app.CreateOrganisationAsync("Disabled town", OrganisationKind.Municipality);
        var userId = await app.CreateUserAsync(Email, organisation);
        using var client = new CookieJarClient(app.CreateBareClient());
        await SignedInCookieAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var cookie = client.Cookies[SecurityKit.SessionCookie];

        var now = clock.GetUtcNow().UtcDateTime;
        using (var db = app.OpenDb())
        {
            if (what == "user")
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, now));
            else if (what == "organisation")
                await db.Organisations.Where(o => o.Id == organisation).ExecuteUpdateAsync(o => o.SetProperty(x => x.DisabledAt, now));
            else
                await AccountSignIn.EndAllSessionsAsync(db, userId, now, default);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/proposals", Only(cookie))).StatusCode);
        Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/", Only(cookie))));
        // And signing in again does not help a disabled account.
        if (what != "sessions")
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(Email)).StatusCode);
    }

    /// T10: idle 30 minutes and one second ends the session; activity keeps it.
    [Fact]
    public async Task Idle_ThirtyMinutesAndOneSecond_NeedsSigningInAgain()
    {
        using var factory = new AppFactory();
        var clock = SecurityKit.PastClock();
        var app = factory.With(clock: clock);
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        await SignedInCookieAsync(client);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/proposals")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/proposals")).StatusCode);
    }

    /// T10: twelve hours after signing in the session ends, however active the person is.
    [Fact]
    public async Task Absolute_TwelveHours_EndsEvenAnActiveSession()
    {
        using var factory = new AppFactory();
        var clock = SecurityKit.PastClock();
        var app = factory.With(clock: clock);
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        await SignedInCookieAsync(client);

        for (var step = 1; step <= 36; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            var response = await client.GetAsync("/api/proposals");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"refused after {step * 20} minutes of activity");
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/proposals")).StatusCode);
        Assert.True(SecurityKit.IsSignInRedirect(await client.GetAsync("/")));
        output.WriteLine("T10: 36 requests 20 minutes apart accepted; 12 h + 1 s refused");
    }

    /// T11: every session and antiforgery cookie set across a crawl is __Host-, Secure, Path=/,
    /// without Domain, HttpOnly and SameSite Lax or Strict.
    [Fact]
    public async Task Cookies_AcrossACrawl_HaveTheHostPrefixAndFlags()
    {
        using var app = new AppFactory();
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        var headers = new List<string>();
        async Task Visit(Func<Task<HttpResponseMessage>> send) => headers.AddRange(SecurityKit.SetCookies(await send()));

        foreach (var url in new[] { "/account/sign-in", "/account/forgot-password", "/account/setup/not-a-token", "/account/join/not-a-token", $"/account/reset-password/{Guid.NewGuid()}?token=x", "/language/fr?returnUrl=/account/sign-in", "/language/en" })
            await Visit(() => client.GetAsync(url));
        await Visit(() => client.SignInAsync(Email, "a wrong phrase for this crawl"));
        await Visit(() => client.SignInAsync(Email));
        var id = await SeedAsync(app, client);
        foreach (var url in new[] { "/", "/proposals/new", "/proposals/import", $"/proposals/{id}", $"/proposals/{id}/basics", $"/proposals/{id}/package", $"/proposals/{id}/delete", "/api/proposals" })
            await Visit(() => client.GetAsync(url));
        var token = await client.TokenAsync(TokenPage);
        await Visit(() => client.PostFormAsync("/account/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var ours = headers.Where(h => h.Contains("fb-session", StringComparison.Ordinal) || h.Contains("fb-af", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, h => h.StartsWith(SecurityKit.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains(ours, h => h.StartsWith(SecurityKit.AntiforgeryCookie + "=", StringComparison.Ordinal));
        Assert.Contains(ours, h => h.StartsWith(SecurityKit.SessionCookie + "=;", StringComparison.Ordinal)); // the sign-out
        foreach (var header in ours)
        {
            var parts = header.Split(';').Select(p => p.Trim()).ToList();
            Assert.StartsWith("__Host-", parts[0], StringComparison.Ordinal);
            Assert.Contains(parts, p => p.Equals("secure", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(parts, p => p.Equals("path=/", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(parts, p => p.Equals("httponly", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(parts, p => p.Equals("samesite=lax", StringComparison.OrdinalIgnoreCase) || p.Equals("samesite=strict", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(parts, p => p.StartsWith("domain", StringComparison.OrdinalIgnoreCase));
        }
        output.WriteLine($"T11: {ours.Count} session/antiforgery Set-Cookie headers over the crawl, all __Host-, Secure, Path=/, HttpOnly, SameSite, no Domain");
        // The language cookie is not a secret, but it is Secure over https too.
        Assert.All(headers.Where(h => h.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)), h => Assert.Contains("secure", h, StringComparison.OrdinalIgnoreCase));
    }

    /// T11: an agency supporting 50 municipalities still gets one small cookie (the list of
    /// organisations is read per request, never put in the ticket).
    [Fact]
    public async Task Cookie_OfAnAgencyWithFiftyMunicipalities_IsOneSmallChunk()
    {
        using var app = new AppFactory();
        var agency = await app.CreateOrganisationAsync("Agency of fifty", OrganisationKind.PlanningAgency);
        for (var i = 0; i < 50; i++)
            await app.LinkAgencyAsync(agency, await app.CreateOrganisationAsync($"Municipality number {i:00} with a rather long official name", OrganisationKind.Municipality));
        await app.CreateUserAsync("officer@agency.test", agency);
        using var client = new CookieJarClient(app.CreateBareClient());
        var response = await client.SignInAsync("officer@agency.test");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = SecurityKit.SetCookies(response).Where(h => h.StartsWith(SecurityKit.SessionCookie, StringComparison.Ordinal)).ToList();
        var header = Assert.Single(session);
        Assert.DoesNotContain("chunks-", header, StringComparison.Ordinal);
        var size = header.Split(';')[0].Length;
        output.WriteLine($"T11: agency with 50 municipalities: one session cookie of {size} bytes");
        Assert.True(size <= 4096, $"{size} bytes");
        // And the agency officer does reach the 50 municipalities' scope.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/proposals")).StatusCode);
    }
}
