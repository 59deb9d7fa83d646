using System.Net;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FinanceBuilder.Web.Tests.Api;

public sealed class HomeAndStartupTests
{
    [Fact]
    public async Task FirstStart_LoadsTheSamplesAsADemoWorkspace_AndTheHomePageListsThem()
    {
        using var app = new AppFactory(loadDemo: true);
        using var client = app.CreateApiClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        foreach (var file in Samples.Files)
        {
            var title = JsonNode.Parse(await File.ReadAllTextAsync(file))!["basics"]!["title"]!.GetValue<string>();
            Assert.Contains(title, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeletedDemoProposals_DoNotComeBackAtTheNextStart()
    {
        using var first = new AppFactory(loadDemo: true);
        using var client = first.CreateApiClient();
        var list = JsonNode.Parse(await client.GetStringAsync("/api/proposals"))!;
        foreach (var item in list["items"]!.AsArray())
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/proposals/{item!["id"]}")).StatusCode);

        // A second app on the same database is the next start.
        using var second = new AppFactoryOn(first.Database);
        using var client2 = second.CreateApiClient();
        var after = JsonNode.Parse(await client2.GetStringAsync("/api/proposals"))!;

        Assert.Equal(0, after["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task HomePage_SpeaksFrench_WhenAskedTo()
    {
        using var app = new AppFactory();
        using var client = app.CreateApiClient("fr");

        var page = await client.GetStringAsync("/");

        Assert.Contains("<h1>Vos propositions</h1>", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageLink_RemembersTheChoice_AndReturnsToThePage()
    {
        using var app = new AppFactory();
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/language/fr?returnUrl=%2F%3Fpage%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?page=1", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith(".AspNetCore.Culture=c%3Dfr%7Cuic%3Dfr", cookie, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Contains("<h1>Vos propositions</h1>", await (await client.SendAsync(request)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%2F%2Fevil.example")]
    public async Task LanguageLink_NeverRedirectsOffSite(string returnUrl)
    {
        using var app = new AppFactory();
        using var client = app.CreateApiClient();

        var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using var app = new AppFactory();
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("object-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// Another app instance on an existing test database (no new database, no cleanup).
    private sealed class AppFactoryOn(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public HttpClient CreateApiClient() => this.SignedInClientAsync(TestAccounts.DefaultEditor).GetAwaiter().GetResult();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            foreach (var (key, value) in database.Settings)
                builder.UseSetting(key, value);
            builder.UseSetting("FinanceBuilder:LoadDemoWorkspace", "true");
        }
    }
}
