using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Security;

/// T16 (no redirect leaves the site, whatever returnUrl says) and the account part of T15
/// (security headers on account pages, a 429, signed-in pages; HSTS; no caching).
public sealed class RedirectAndHeaderTests(ITestOutputHelper output)
{
    private const string Email = "redirect@workspace.test";

    public static readonly string[] Payloads =
    [
        "https://evil.example", "http://evil.example/", "//evil.example", "///evil.example", "////evil.example",
        "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/%5Cevil.example", "%2f%2fevil.example",
        "%2F%2Fevil.example", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "https:evil.example", "/\t/evil.example", "/ /evil.example", " //evil.example", "https://localhost@evil.example",
        "//localhost%2f@evil.example", "/%09/evil.example", "%0d%0aLocation:%20https://evil.example",
    ];

    private static bool OffHost(HttpResponseMessage response, out string? where)
    {
        where = response.Headers.Location?.OriginalString;
        if (where is null)
            return false;
        var target = new Uri(new Uri("https://localhost/"), where);
        return target.Host != "localhost" || target.Scheme != "https" || !where.StartsWith('/') || where.StartsWith("//", StringComparison.Ordinal) || where.StartsWith("/\\", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnUrl_NeverLeadsOffTheSite()
    {
        using var app = new AppFactory();
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        var locations = 0;
        var offHost = new List<string>();
        foreach (var payload in Payloads)
        {
            // Signing in with the payload as returnUrl (as the sign-in page's hidden field carries it).
            using var client = new CookieJarClient(app.CreateBareClient());
            var token = await client.TokenAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(payload));
            var signIn = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = Email, ["password"] = TestAccounts.Password, ["returnUrl"] = payload, ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            locations++;
            if (OffHost(signIn, out var where))
                offHost.Add($"sign-in {payload} → {where}");
            // The page's hidden field never carries it either.
            var page = WizardBrowser.Parse(await (await client.GetAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(payload))).Content.ReadAsStringAsync());
            var carried = page.QuerySelector("main input[name=returnUrl]")!.GetAttribute("value")!;
            Assert.True(carried.StartsWith('/') && new Uri(new Uri("https://localhost/"), carried).Host == "localhost" && !carried.StartsWith("//", StringComparison.Ordinal), $"{payload} carried as {carried}");

            foreach (var raw in new[] { Uri.EscapeDataString(payload), payload.Replace("#", "%23", StringComparison.Ordinal) })
            {
                var language = await client.GetAsync("/language/fr?returnUrl=" + raw);
                if (language.Headers.Location is null)
                    continue;
                locations++;
                if (OffHost(language, out where))
                    offHost.Add($"language {payload} → {where}");
            }
        }
        output.WriteLine($"T16: {Payloads.Length} payloads, {locations} Location headers, {offHost.Count} off-host");
        Assert.Empty(offHost);
        Assert.Equal("/proposals/new?x=1", LocalUrl.OrHome("/proposals/new?x=1"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what, bool noStore)
    {
        var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var v) ? v : []);
        Assert.True(csp.Contains("object-src 'none'", StringComparison.Ordinal), $"{what}: CSP '{csp}'");
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"), $"{what}: no Referrer-Policy");
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        if (noStore)
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control '{response.Headers.CacheControl}'");
        Assert.False(response.Headers.Contains("Server") || response.Headers.Contains("X-Powered-By"), $"{what}: names its server");
    }

    [Fact]
    public async Task AccountPages_SignedInPages_And429_CarryTheSecurityHeaders()
    {
        using var factory = new AppFactory();
        var app = factory.With(new Dictionary<string, string> { ["FinanceBuilder:SignIn:FailuresPerAddress"] = "2" });
        await app.CreateUserAsync(Email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        var samples = 0;
        foreach (var url in new[] { "/account/sign-in", "/account/forgot-password", "/account/setup/not-a-token", "/account/join/not-a-token", $"/account/reset-password/{Guid.NewGuid()}?token=x" })
        {
            AssertSecurityHeaders(await client.GetAsync(url), url, noStore: true);
            samples++;
        }
        var signIn = await client.SignInAsync(Email);
        AssertSecurityHeaders(signIn, "sign-in redirect", noStore: true);
        foreach (var url in new[] { "/", "/proposals/new", "/api/proposals", "/nowhere-at-all" })
        {
            AssertSecurityHeaders(await client.GetAsync(url), url + " signed in", noStore: true);
            samples++;
        }
        // A static file for someone not signed in may be cached; it still has the other headers.
        using (var anonymous = new CookieJarClient(app.CreateBareClient()))
        {
            var css = await anonymous.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            AssertSecurityHeaders(css, "static file", noStore: false);
            Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
            samples++;
        }

        using var attacker = new CookieJarClient(app.CreateBareClient());
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 5 && throttled is null; i++)
        {
            var response = await attacker.SignInAsync(Email, "a wrong phrase, again and again");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throttled = response;
        }
        Assert.NotNull(throttled);
        Assert.NotNull(throttled.Headers.RetryAfter);
        AssertSecurityHeaders(throttled, "429", noStore: true);
        samples++;
        output.WriteLine($"T15 (accounts): {samples + 1} responses (account pages, signed-in HTML/JSON/404, redirect, static file, 429) carry CSP, nosniff, Referrer-Policy, HSTS; no-store on all but the anonymous static file");
    }

    [Fact]
    public async Task PlainHttp_GetsNoHsts()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var response = await client.GetAsync("/health");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
