using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Api;

public sealed class ProposalApiTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly HttpClient client;

    public ProposalApiTests() => client = app.CreateApiClient();

    public void Dispose() => app.Dispose();

    internal static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    internal static StringContent JsonBody(byte[] json) => JsonBody(Encoding.UTF8.GetString(json));

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task Sample_ImportExportImport_GivesTheSameJson(string sample)
    {
        var first = await client.PostAsync("/api/proposals", JsonBody(Samples.Read(sample)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var exported = await client.GetStringAsync(first.Headers.Location);

        var second = await client.PostAsync("/api/proposals", JsonBody(exported));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var reexported = await client.GetStringAsync(second.Headers.Location);

        Assert.Equal(exported, reexported);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Samples.ReadText(sample)), JsonNode.Parse(exported)),
            "The export differs from the sample file: some field was lost or changed on the way in.");
    }

    [Fact]
    public async Task Post_ValidProposal_Returns201WithLocationAndETag()
    {
        var response = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"Solar schools in Tamale, Ghana"}}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^/api/proposals/[0-9a-f-]{36}$", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Solar schools in Tamale, Ghana", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Timestamps_AreUtc_AfterARoundTripThroughTheDatabase()
    {
        await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1}"""));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/proposals"));

        var item = list.RootElement.GetProperty("items")[0];
        Assert.EndsWith("Z", item.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", item.GetProperty("updatedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReturnsDocumentWithETag_And404ForUnknownId()
    {
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"language":"fr"}"""));
        var response = await client.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"language\": \"fr\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await client.GetAsync($"/api/proposals/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task List_ShowsProposalsOfTheWorkspace_NewestFirst()
    {
        await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"First"}}"""));
        await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"Second"}}"""));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/proposals"));

        Assert.Equal(2, list.RootElement.GetProperty("total").GetInt32());
        var titles = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Second", "First"], titles);
    }

    [Theory]
    [InlineData(2147483647, 200)]
    [InlineData(-5, 0)]
    [InlineData(1, 100000)]
    public async Task List_WithExtremePaging_AnswersNormally(int page, int pageSize)
    {
        await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1}"""));

        var response = await client.GetAsync($"/api/proposals?page={page}&pageSize={pageSize}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
        Assert.InRange(list.RootElement.GetProperty("pageSize").GetInt32(), 1, 200);
    }

    [Fact]
    public async Task Delete_HidesTheProposalEverywhere_ButKeepsTheRow()
    {
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"To delete"}}"""));

        var deleted = await client.DeleteAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(created.Headers.Location)).StatusCode);
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/proposals"));
        Assert.Equal(0, list.RootElement.GetProperty("total").GetInt32());
        using var db = app.OpenDb();
        Assert.Equal(1, await db.Proposals.IgnoreQueryFilters().CountAsync(p => p.IsDeleted));
    }

    [Fact]
    public async Task ProposalOfAnotherOrganisation_IsInvisible_AndCannotBeChanged()
    {
        await client.GetAsync("/health");
        var foreignId = Guid.NewGuid();
        var otherOrganisation = Guid.NewGuid();
        using (var db = app.OpenDb())
        {
            db.Organisations.Add(new OrganisationRecord { Id = otherOrganisation, Name = "Other municipality", CreatedAt = DateTime.UtcNow });
            db.Proposals.Add(new ProposalRecord
            {
                Id = foreignId,
                OwnerOrganisationId = otherOrganisation,
                Title = "CANARY-OTHER-TENANT",
                Fund = "gcf",
                Version = 1,
                SchemaVersion = 1,
                Document = """{"schemaVersion":1}""",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var get = await client.GetAsync($"/api/proposals/{foreignId}");
        var list = await client.GetStringAsync("/api/proposals");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{foreignId}") { Content = JsonBody("""{"schemaVersion":1}""") };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var update = await client.SendAsync(put);
        var delete = await client.DeleteAsync($"/api/proposals/{foreignId}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("CANARY-OTHER-TENANT", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        using var check = app.OpenDb();
        var row = await check.Proposals.IgnoreQueryFilters().SingleAsync(p => p.Id == foreignId);
        Assert.Equal(1, row.Version);
        Assert.False(row.IsDeleted);
    }

    [Fact]
    public async Task Health_Answers200WhenTheDatabaseAnswers()
    {
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Schema_IsServedAsJsonSchema()
    {
        var response = await client.GetAsync("/api/schema/proposal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }
}
