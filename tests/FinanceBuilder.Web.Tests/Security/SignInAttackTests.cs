using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Security;

/// T07 (brute force, spraying, an office behind one address) and T08 (password policy, no user
/// enumeration). In-proc, so every request comes from one address ("local").
public sealed partial class SignInAttackTests(ITestOutputHelper output)
{
    internal const string Wrong = "not the right phrase at all";

    /// T07 a: 100 wrong passwords for one account from one address.
    [Fact]
    public async Task BruteForce_OneAccount_LocksAfterFive_RefusesTheRightPassword_AndThrottles()
    {
        using var app = new AppFactory();
        var email = "victim@brute.test";
        var userId = await app.CreateUserAsync(email, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        var token = await client.TokenAsync();
        Task<HttpResponseMessage> Try(string password) =>
            client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 5; attempt++)
            statuses.Add((await Try(Wrong)).StatusCode);
        using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"not locked after 5 failures (count {user.AccessFailedCount}, end {user.LockoutEnd})");
        }
        // The right password while locked: refused like any failure (attempt 6).
        var right = await Try(TestAccounts.Password);
        statuses.Add(right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null(SecurityKit.SetCookie(right, SecurityKit.SessionCookie));
        for (var attempt = 7; attempt <= 100; attempt++)
        {
            var response = await Try(Wrong);
            statuses.Add(response.StatusCode);
            Assert.Null(SecurityKit.SetCookie(response, SecurityKit.SessionCookie));
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        output.WriteLine($"T07a: 1-10 refused (200 page), 11-100: {statuses.Skip(10).Count(s => s == HttpStatusCode.TooManyRequests)}/90 answered 429");
    }

    /// T07 b: one password sprayed over 200 accounts from one address.
    [Fact]
    public async Task Spraying_OnePasswordOver200Accounts_Gets429WithRetryAfter()
    {
        using var app = new AppFactory();
        var emails = await app.CreateUsersSharingOneHashAsync("sprayed", 200, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        var token = await client.TokenAsync();

        var throttled = 0;
        var firstThrottled = 0;
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = "password1234", ["__RequestVerificationToken"] = token });
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
                throttled++;
                if (firstThrottled == 0)
                    firstThrottled = i + 1;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        output.WriteLine($"T07b: {throttled}/200 answered 429 with Retry-After, the first at attempt {firstThrottled}");
        Assert.True(throttled >= 190, $"{throttled}/200 throttled");
    }

    /// T07 c: 50 colleagues behind one office address each sign in once.
    [Fact]
    public async Task Office_FiftyUsersBehindOneAddress_AllSignIn_Quickly()
    {
        using var app = new AppFactory();
        var emails = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            emails.Add($"colleague{i:00}@office.test");
            await app.CreateUserAsync(emails[^1], AccessScope.WorkspaceOrganisationId);
        }
        // Warm the app (first request compiles pages, opens the database).
        using (var warm = new CookieJarClient(app.CreateBareClient()))
            await warm.TokenAsync();

        var times = new List<double>();
        foreach (var email in emails)
        {
            using var client = new CookieJarClient(app.CreateBareClient());
            var token = await client.TokenAsync();
            var clock = Stopwatch.StartNew();
            var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = TestAccounts.Password, ["__RequestVerificationToken"] = token });
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.NotNull(SecurityKit.SetCookie(response, SecurityKit.SessionCookie));
        }
        var p50 = SecurityKit.Percentile(times, 0.5);
        var p95 = SecurityKit.Percentile(times, 0.95);
        output.WriteLine($"T07c: 50/50 signed in; sign-in post p50 {p50:F0} ms, p95 {p95:F0} ms, max {times.Max():F0} ms");
        Assert.True(p95 < 500, $"p95 {p95:F0} ms");
    }

    /// T08: length over composition; 8 to 128 characters; the bundled list refused.
    [Fact]
    public async Task PasswordPolicy_LengthNotComposition_AndTheCommonListRefused()
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var probe = new UserAccount { Id = Guid.NewGuid(), UserName = "probe@policy.test", Email = "probe@policy.test" };
        async Task<bool> Accepted(string password)
        {
            foreach (var validator in users.PasswordValidators)
            {
                if (!(await validator.ValidateAsync(users, probe, password)).Succeeded)
                    return false;
            }
            return true;
        }

        Assert.False(await Accepted("qz7!kp2"));          // 7 characters
        Assert.True(await Accepted("qz7!kp2w"));          // 8 characters
        Assert.True(await Accepted("a very ordinary lowercase phrase"));
        Assert.True(await Accepted("ÉLÉPHANT ROSE ÉLÉPHANT ROSE"));
        Assert.False(await Accepted(new string('x', 100) + "y" + new string('z', 28))); // 129

        var list = CommonPasswords.List;
        Assert.Equal(3000, list.Count);
        var refused = 0;
        foreach (var common in list)
            refused += await Accepted(common) ? 0 : 1;
        output.WriteLine($"T08: {refused}/{list.Count} common passwords refused ({list.Count(p => p.Length >= 8)} of them reach the list check)");
        Assert.Equal(list.Count, refused);
        // The list check itself, case-insensitively, for those long enough to reach it.
        var validator = new CommonPasswordValidator<UserAccount>();
        Assert.All(list.Where(p => p.Length >= 8), p => Assert.False(validator.ValidateAsync(users, probe, p.ToUpperInvariant()).Result.Succeeded));

        // 64 and 128 characters are kept unmodified: signing in needs exactly them.
        foreach (var length in new[] { 64, 128 })
        {
            var password = string.Concat(Enumerable.Range(0, length).Select(i => "Ab9 é!xZ"[i % 8]))[..(length - 1)] + "Q";
            var email = $"long{length}@policy.test";
            await app.CreateUserAsync(email, AccessScope.WorkspaceOrganisationId, password: password);
            using var wrong = app.CreateBrowserClient();
            Assert.Equal(HttpStatusCode.OK, (await wrong.SignInAsync(email, password[..^1])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await wrong.SignInAsync(email, password + "x")).StatusCode);
            using var client = app.CreateBrowserClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).StatusCode);
        }
    }

    internal static string Normalise(string html, string email) =>
        TokenValue().Replace(html, "value=\"TOKEN\"").Replace(email, "EMAIL", StringComparison.Ordinal);

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]+\"")]
    private static partial Regex TokenValue();
}
