using System.Net;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// Accounts and organisations for tests, made the way the app makes them (UserManager, so the
/// password is hashed and checked for real), and signing in through the real sign-in form.
public static partial class TestAccounts
{
    public const string Password = "a long test phrase for signing in";
    public const string DefaultEditor = "editor@workspace.test";

    public static async Task<Guid> CreateOrganisationAsync(this WebApplicationFactory<Program> app, string name, OrganisationKind kind, Guid? id = null)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        var organisation = new OrganisationRecord { Id = id ?? Guid.NewGuid(), Name = name, Kind = kind, CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    public static async Task LinkAgencyAsync(this WebApplicationFactory<Program> app, Guid agency, Guid supported)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        db.AgencyLinks.Add(new AgencyLink { AgencyId = agency, SupportedOrganisationId = supported, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> CreateUserAsync(this WebApplicationFactory<Program> app, string email, Guid organisationId, MemberRole role = MemberRole.Editor, bool platformAdmin = false, string password = Password)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            OrganisationId = organisationId,
            Role = role,
            IsPlatformAdmin = platformAdmin,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return user.Id;
    }

    /// A client that keeps cookies and does not follow redirects, not signed in.
    public static HttpClient CreateBrowserClient(this WebApplicationFactory<Program> app, string? language = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// Signs the client in with the sign-in form, as a person would.
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/account/sign-in", form);
    }

    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> app, string email, string? language = null, string password = Password)
    {
        var client = app.CreateBrowserClient(language);
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
