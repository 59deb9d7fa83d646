using System.Net;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinanceBuilder.Web.Tests.Api.ProposalApiTests;

namespace FinanceBuilder.Web.Tests.Api;

/// Bad input answers 4xx with a problem document that names the JSON path, stores nothing,
/// and never answers 500.
public sealed class ImportRejectionTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    public static TheoryData<string, string, int, string> BadFiles => new()
    {
        { "invalid JSON", """{"schemaVersion":1,"basics":{"title":"x",}}""", 400, "$.basics.title" },
        { "truncated JSON", """{"schemaVersion":1,"basics":{"title":""", 400, "$.basics.title" },
        { "not an object", """[1,2,3]""", 400, "$" },
        { "no schema version", """{"basics":{"title":"x"}}""", 400, "$.schemaVersion" },
        { "future schema version", """{"schemaVersion":99}""", 400, "$.schemaVersion" },
        { "schema version zero", """{"schemaVersion":0}""", 400, "$.schemaVersion" },
        { "schema version as text", """{"schemaVersion":"1"}""", 400, "$.schemaVersion" },
        { "unknown enum value", """{"schemaVersion":1,"basics":{"focus":"geoengineering"}}""", 400, "$.basics.focus" },
        { "enum as number", """{"schemaVersion":1,"basics":{"focus":1}}""", 400, "$.basics.focus" },
        { "unknown result area", """{"schemaVersion":1,"basics":{"resultAreas":[{"area":"M1","sharePercent":50},{"area":"Z9"}]}}""", 400, "$.basics.resultAreas[1].area" },
        { "unknown field", """{"schemaVersion":1,"basics":{"titel":"typo"}}""", 400, "$.basics.titel" },
        { "number as text", """{"schemaVersion":1,"basics":{"lifespanYears":"twenty"}}""", 400, "$.basics.lifespanYears" },
        { "free-text money", """{"schemaVersion":1,"financing":{"gcfInstruments":[{"instrument":"grant","amount":"USD 5 million"}]}}""", 400, "$.financing.gcfInstruments[0].amount" },
        { "null list", """{"schemaVersion":1,"risks":null}""", 400, "$.risks" },
        { "bad date", """{"schemaVersion":1,"basics":{"implementationStart":"31/12/2027"}}""", 400, "$.basics.implementationStart" },
        { "year 9999", """{"schemaVersion":1,"basics":{"implementationEnd":"9999-01-01"}}""", 400, "$.basics.implementationEnd" },
        { "negative money", """{"schemaVersion":1,"financing":{"gcfInstruments":[{"instrument":"grant","amount":{"amount":-5,"currency":"USD"}}]}}""", 400, "$.financing.gcfInstruments[0].amount.amount" },
        { "percent over 100", """{"schemaVersion":1,"basics":{"resultAreas":[{"area":"A1","sharePercent":140}]}}""", 400, "$.basics.resultAreas[0].sharePercent" },
        { "unknown currency", """{"schemaVersion":1,"budget":{"reportingCurrency":"DOLLARS"}}""", 400, "$.budget.reportingCurrency" },
        { "unknown country", """{"schemaVersion":1,"basics":{"countries":[{"code":"XX"}]}}""", 400, "$.basics.countries[0].code" },
        { "control character", "{\"schemaVersion\":1,\"basics\":{\"title\":\"Pasted\\u000Bfrom PDF\"}}", 400, "$.basics.title" },
        { "lone surrogate", "{\"schemaVersion\":1,\"basics\":{\"title\":\"bad \\uD800 text\"}}", 400, "$.basics.title" },
        { "title too long", $$$"""{"schemaVersion":1,"basics":{"title":"{{{new string('a', 501)}}}"}}""", 400, "$.basics.title" },
        { "too many risks", "{\"schemaVersion\":1,\"risks\":[" + string.Join(",", Enumerable.Repeat("{\"category\":\"financial\"}", 201)) + "]}", 400, "$.risks" },
        { "100,000-element array", $$$"""{"schemaVersion":1,"budget":{"lines":[{{{string.Join(",", Enumerable.Repeat("0", 100_000))}}}]}}""", 400, "$.budget.lines" },
        { "deep nesting", "{\"schemaVersion\":1,\"x\":" + new string('[', 500) + new string(']', 500) + "}", 400, "$.x" + string.Concat(Enumerable.Repeat("[0]", 30)) },
        { "empty body", "", 400, "$" },
        { "lone surrogate in a field name", "{\"schemaVersion\":1,\"\\uD800\":1}", 400, "$.…" },
        { "very long field name", "{\"schemaVersion\":1,\"" + new string('x', 100_000) + "\":1}", 400, "$.…" },
        { "enum in the wrong case", """{"schemaVersion":1,"language":"Fr"}""", 400, "$.language" },
        { "enum as a comma list", """{"schemaVersion":1,"basics":{"focus":"mitigation, adaptation"}}""", 400, "$.basics.focus" },
        { "two languages", """{"schemaVersion":1,"language":"fr, es"}""", 400, "$.language" },
        { "null item in a list", """{"schemaVersion":1,"risks":[null]}""", 400, "$.risks[0]" },
        { "null identifier", """{"schemaVersion":1,"components":[{"id":"1","outputs":[{"id":"1.1","outcomeIds":[null]}]}]}""", 400, "$.components[0].outputs[0].outcomeIds[0]" },
        { "money without currency", """{"schemaVersion":1,"financing":{"gcfInstruments":[{"instrument":"grant","amount":{"amount":5000000}}]}}""", 400, "$.financing.gcfInstruments[0].amount.currency" },
        { "risk without category", """{"schemaVersion":1,"risks":[{"description":"Floods delay works"}]}""", 400, "$.risks[0].category" },
        { "budget line without source", """{"schemaVersion":1,"budget":{"lines":[{"amount":{"amount":1,"currency":"USD"}}]}}""", 400, "$.budget.lines[0].source" },
        { "duplicate field", """{"schemaVersion":1,"basics":{"title":"a","title":"b"}}""", 400, "$.basics.title" },
        { "duplicate schema version", """{"schemaVersion":1,"schemaVersion":1}""", 400, "$.schemaVersion" },
        { "number too large", """{"schemaVersion":1,"basics":{"lifespanYears":99999999999999999999}}""", 400, "$.basics.lifespanYears" },
        { "decimal overflow", """{"schemaVersion":1,"budget":{"lines":[{"amount":{"amount":1e400,"currency":"USD"}}]}}""", 400, "$.budget.lines[0].amount.amount" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Post_BadFile_Answers4xxNamingThePath_AndStoresNothing(string label, string body, int status, string path)
    {
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("/api/proposals", JsonBody(body));

        Assert.True(status == (int)response.StatusCode, $"{label}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await AssertProblemNamesPath(response, path);
        await AssertNothingStored();
    }

    [Fact]
    public async Task Post_50MegabyteBody_Answers413_AndStoresNothing()
    {
        using var client = app.CreateApiClient();
        var padding = new string(' ', 50 * 1024 * 1024);
        using var content = new StringContent("{\"schemaVersion\":1" + padding + "}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/proposals", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertProblemNamesPath(response, "$");
        await AssertNothingStored();
    }

    [Fact]
    public async Task Post_InvalidUtf8_Answers400_AndStoresNothing()
    {
        using var client = app.CreateApiClient();
        byte[] body = [.. "{\"schemaVersion\":1,\"basics\":{\"title\":\"caf"u8, 0xE9, .. "\"}}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/proposals", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertProblemNamesPath(response, "$");
        await AssertNothingStored();
    }

    [Fact]
    public async Task Post_FileWithByteOrderMark_IsAccepted()
    {
        using var client = app.CreateApiClient();
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. """{"schemaVersion":1}"""u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/proposals", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// Only application/json (UTF-8 when a charset is named): types that merely mention JSON, and a
    /// body a browser form could send cross-site (text/plain), are refused before being read (issue 19).
    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData("text/plain; note=json")]
    [InlineData("text/json")]
    [InlineData("application/x-json")]
    [InlineData("application/jsonp")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; boundary=x")]
    public async Task Post_NotJson_Answers415(string contentType)
    {
        using var client = app.CreateApiClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"schemaVersion":1,"basics":{"title":"x"}}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("/api/proposals", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingStored();
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task Post_Json_IsAccepted_WithOrWithoutItsCharset(string contentType)
    {
        using var client = app.CreateApiClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"schemaVersion":1,"basics":{"title":"x"}}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("/api/proposals", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_BadFile_AnswersInFrench_WhenTheUserReadsFrench()
    {
        using var client = app.CreateApiClient("fr-SN");

        var response = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"focus":"geoengineering"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("La proposition n’a pas été enregistrée", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        var message = problem.RootElement.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Equal("$.basics.focus\u00A0: «\u00A0geoengineering\u00A0» n’est pas une valeur autorisée. Valeurs autorisées\u00A0: mitigation, adaptation, crossCutting.", message);
    }

    [Fact]
    public async Task Put_BadFile_Answers400_AndKeepsTheSavedProposal()
    {
        using var client = app.CreateApiClient();
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"Saved work"}}"""));
        using var put = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = JsonBody("""{"schemaVersion":1,"basics":{"title":"x","focus":"nope"}}""") };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await client.GetAsync(created.Headers.Location);
        Assert.Equal("\"1\"", stored.Headers.ETag!.Tag);
        Assert.Contains("\"title\": \"Saved work\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Put_NotJson_Answers415_AndKeepsTheSavedProposal(string contentType)
    {
        using var client = app.CreateApiClient();
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"Saved work"}}"""));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"schemaVersion":1,"basics":{"title":"Overwritten"}}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var put = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = content };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var stored = await client.GetAsync(created.Headers.Location);
        Assert.Equal("\"1\"", stored.Headers.ETag!.Tag);
        Assert.Contains("\"title\": \"Saved work\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemNamesPath(HttpResponseMessage response, string path)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.Equal(path, errors[0].GetProperty("path").GetString());
        Assert.Contains(path, errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertNothingStored()
    {
        using var db = app.OpenDb();
        Assert.Equal(0, await db.Proposals.IgnoreQueryFilters().CountAsync());
    }
}
