using System.Net;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The read-only public API: search with filters and pages, one action, the feed of changes with
/// tombstones, and the per-address limit.
public sealed class PublicApiTests : IClassFixture<CatalogueApp>, IDisposable
{
    private readonly AppFactory app;
    private readonly HttpClient reader;

    public PublicApiTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task Search_FiltersAndPages_ThenOneAction_ThenGoneOnceWithdrawn()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        var ghana = app.PublishDirectly(new CatalogueAction { Title = $"Solar lighting {mark}", Summary = "x", CountryCode = "GH", Status = ActionStatus.FinancingSought });
        var benin = app.PublishDirectly(new CatalogueAction { Title = $"Éclairage solaire {mark}", Summary = "x", CountryCode = "BJ", Status = ActionStatus.InProgress });

        var all = await JsonAsync($"/api/public/actions?q={mark}");
        Assert.Equal(2, (int)all["total"]!);
        var onlyBenin = await JsonAsync($"/api/public/actions?q={mark}&country=BJ&status=InProgress");
        Assert.Equal(benin.ToString(), (string)onlyBenin["items"]![0]!["id"]!);
        Assert.Equal(1, (int)onlyBenin["total"]!);
        var paged = await JsonAsync($"/api/public/actions?q={mark}&pageSize=1&page=2&sort=Title");
        // Titles sort by code point on both databases: "Solar…" before "Éclairage…".
        Assert.Equal(benin.ToString(), (string)paged["items"]![0]!["id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/api/public/actions?status=Nonsense")).StatusCode);

        var one = await JsonAsync($"/api/public/actions/{ghana}");
        Assert.Equal($"Solar lighting {mark}", (string)one["action"]!["title"]!);
        Assert.EndsWith($"/actions/{ghana}", (string)one["url"]!, StringComparison.Ordinal);

        var before = DateTime.UtcNow.AddSeconds(-1);
        app.WithdrawDirectly(ghana);
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync($"/api/public/actions/{ghana}")).StatusCode);
        var feed = await JsonAsync($"/api/public/actions?changedSince={before:yyyy-MM-ddTHH:mm:ssZ}");
        var tombstone = feed["items"]!.AsArray().Single(i => (string)i!["id"]! == ghana.ToString())!;
        Assert.True((bool)tombstone["withdrawn"]!);
        Assert.Equal("", (string)tombstone["title"]!);
    }

    [Fact]
    public async Task OneAddress_IsLimited_ToThePublicRequestsPerMinute()
    {
        using var limited = new AppFactory(settings: new Dictionary<string, string?> { ["FinanceBuilder:Catalogue:PublicRequestsPerMinute"] = "3" });
        using var client = limited.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/public/actions")).StatusCode);

        var refused = await client.GetAsync("/actions");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private async Task<JsonNode> JsonAsync(string url)
    {
        var response = await reader.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
