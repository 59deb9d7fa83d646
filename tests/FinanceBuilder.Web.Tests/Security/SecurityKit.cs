using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FinanceBuilder.Web.Tests.Security;

/// Helpers of the security tests: the app with other settings or a fake clock, and a client
/// whose cookies the test holds in its own hands (to replay, drop or swap them).
public static class SecurityKit
{
    public const string SessionCookie = "__Host-fb-session";
    public const string AntiforgeryCookie = "__Host-fb-af";

    public static WebApplicationFactory<Program> With(this AppFactory app, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) =>
        app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
            if (clock is not null)
                builder.ConfigureTestServices(services => services.AddSingleton(clock));
        });

    /// A fake clock set well in the past: if anything (the cookie handler) used the real clock
    /// instead, every ticket would be long expired and the tests would fail.
    public static FakeTimeProvider PastClock() => new(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public static FinanceBuilderDbContext OpenDb(this WebApplicationFactory<Program> app)
    {
        var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        return scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
    }

    /// Many accounts quickly: one password hash computed once and shared (each CreateAsync with
    /// a password would run PBKDF2 again), still stored through UserManager.
    public static async Task<IReadOnlyList<string>> CreateUsersSharingOneHashAsync(this WebApplicationFactory<Program> app, string prefix, int count, Guid organisationId, string password = TestAccounts.Password)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var hash = users.PasswordHasher.HashPassword(new UserAccount(), password);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}{i:000}@spray.test";
            var user = new UserAccount
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = email,
                OrganisationId = organisationId,
                Role = MemberRole.Editor,
                CreatedAt = DateTime.UtcNow,
                PasswordHash = hash,
            };
            var result = await users.CreateAsync(user);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
            emails.Add(email);
        }
        return emails;
    }

    public static HttpClient CreateBareClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    /// `name=value` of a Set-Cookie header, or null.
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v[(name.Length + 1)..]).LastOrDefault()
            : null;

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true;

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// A client that sends exactly the cookies the test gives it and records what it is given.
public sealed class CookieJarClient(HttpClient client) : IDisposable
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public HttpClient Client => client;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, IReadOnlyDictionary<string, string>? cookies = null)
    {
        var sent = cookies ?? Cookies;
        if (sent.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", sent.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        if (cookies is null)
        {
            foreach (var header in SecurityKit.SetCookies(response))
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    Cookies.Remove(name);
                else
                    Cookies[name] = value;
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url, IReadOnlyDictionary<string, string>? cookies = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cookies);

    public Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> fields, IReadOnlyDictionary<string, string>? cookies = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, cookies);

    public async Task<string> TokenAsync(string url = "/account/sign-in") => TestAccounts.AntiforgeryToken(await (await GetAsync(url)).Content.ReadAsStringAsync());

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = TestAccounts.Password)
    {
        var token = await TokenAsync();
        return await PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token });
    }

    public void Dispose() => client.Dispose();
}
