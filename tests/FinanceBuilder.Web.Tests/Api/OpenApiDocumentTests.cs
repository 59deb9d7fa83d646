using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Tenancy;

namespace FinanceBuilder.Web.Tests.Api;

/// The OpenAPI document the app serves at /openapi/v1.json describes every /api/ endpoint the
/// router knows, and docs/openapi.json is a copy of it. When an endpoint changes, regenerate:
///     FB_UPDATE_OPENAPI=1 dotnet test tests/FinanceBuilder.Web.Tests --filter "FullyQualifiedName~OpenApiDocumentTests"
public sealed partial class OpenApiDocumentTests : IDisposable
{
    private const string UpdateVariable = "FB_UPDATE_OPENAPI";
    private static readonly string[] ApiErrorStatuses = ["400", "401", "403", "404", "412", "413", "415", "422", "428"];

    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<(string Text, JsonNode Document)> ServedAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (text, JsonNode.Parse(text)!);
    }

    [Fact]
    public async Task Document_ListsEveryApiEndpointOfTheRouter_WithItsMethods()
    {
        var (_, document) = await ServedAsync();
        var paths = document["paths"]!.AsObject();
        var problems = new List<string>();
        var apiEndpoints = AppEndpoint.Read(app).Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiEndpoints);
        foreach (var endpoint in apiEndpoints)
        {
            var path = DocumentPath(endpoint.Route);
            if (paths[path] is not JsonObject item)
            {
                problems.Add($"{endpoint}: not in the OpenAPI document (path {path})");
                continue;
            }
            foreach (var method in endpoint.Methods)
            {
                if (item[method.ToLowerInvariant()] is not JsonObject operation)
                    problems.Add($"{method} {path}: not in the OpenAPI document");
                else
                    problems.AddRange(Undocumented($"{method} {path}", operation));
            }
        }
        // Nothing else: no page, form or browser-only endpoint leaks into the API's description.
        problems.AddRange(paths.Select(p => p.Key)
            .Where(p => p != "/health" && !apiEndpoints.Any(e => DocumentPath(e.Route) == p))
            .Select(p => $"{p}: in the document but not an /api/ endpoint"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotNull(paths["/health"]?["get"]);
    }

    /// /api/proposals/{id:guid} is /api/proposals/{id} in the document, /api/proposals/ is /api/proposals.
    private static string DocumentPath(string route) => RouteConstraint().Replace(route, "{$1}").TrimEnd('/');

    /// What a reader needs of each operation: a name, a summary, a description, what it answers,
    /// errors as problem documents, and the session requirement where one is needed.
    private static IEnumerable<string> Undocumented(string name, JsonObject operation)
    {
        foreach (var field in new[] { "operationId", "summary", "description" })
        {
            if (string.IsNullOrWhiteSpace(operation[field]?.GetValue<string>()))
                yield return $"{name}: no {field}";
        }
        var responses = operation["responses"]?.AsObject() ?? [];
        if (!responses.Any(r => r.Key.StartsWith('2')))
            yield return $"{name}: no success response";
        foreach (var (status, response) in responses)
        {
            if (string.IsNullOrWhiteSpace(response?["description"]?.GetValue<string>()) || response["description"]!.GetValue<string>() == ReasonPhrase(status))
                yield return $"{name}: response {status} says only what its status says";
            if (ApiErrorStatuses.Contains(status) && response?["content"]?["application/problem+json"] is null)
                yield return $"{name}: response {status} is not a problem document";
        }
        if (operation["security"] is not null && responses["401"] is null)
            yield return $"{name}: needs a session but does not say 401";
    }

    private static string ReasonPhrase(string status) =>
        int.TryParse(status, out var code) ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code) : "";

    [Fact]
    public async Task Document_DescribesParametersHeadersAndTheProposalFile()
    {
        var (_, document) = await ServedAsync();
        var paths = document["paths"]!;

        var list = paths["/api/proposals"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal("200", list.Single(p => p!["name"]!.GetValue<string>() == "pageSize")!["schema"]!["maximum"]!.ToString());
        var put = paths["/api/proposals/{id}"]!["put"]!;
        Assert.True(put["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "If-Match")!["required"]!.GetValue<bool>());
        Assert.Equal("/api/schema/proposal", put["requestBody"]!["content"]!["application/json"]!["schema"]!["externalDocs"]!["url"]!.GetValue<string>());
        Assert.NotNull(put["responses"]!["200"]!["headers"]!["ETag"]);
        var routes = paths["/api/proposals/{id}/validation"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "route")!["schema"]!["enum"]!.AsArray();
        Assert.Contains("sap", routes.Select(r => r!.GetValue<string>()));
        var templates = paths["/api/proposals/{id}/packages"]!["post"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "template")!["schema"]!["enum"]!.AsArray();
        Assert.Contains("gcf-funding-proposal", templates.Select(r => r!.GetValue<string>()));
        Assert.NotNull(paths["/api/proposals/{id}"]!["delete"]!["responses"]!["403"]);
        Assert.Null(paths["/api/schema/proposal"]!["get"]!["security"]);
        // As the report writes them: enums by name, and a null left out rather than promised.
        Assert.Contains("error", document["components"]!["schemas"]!["Severity"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.DoesNotContain("acknowledged", document["components"]!["schemas"]!["FindingView"]!["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    /// The document says 401 and 403 come as problem documents: so they do.
    [Fact]
    public async Task RefusalsAnswer_AsTheDocumentSays()
    {
        using var anonymous = app.CreateClient();
        using var refused = await anonymous.GetAsync("/api/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CommittedCopy_IsWhatTheAppServes()
    {
        var (text, _) = await ServedAsync();
        var served = text.ReplaceLineEndings("\n").TrimEnd() + "\n";
        var file = Path.Combine(Samples.RepositoryRoot, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(file, served);
        var command = $"{UpdateVariable}=1 dotnet test tests/FinanceBuilder.Web.Tests --filter \"FullyQualifiedName~OpenApiDocumentTests\"";
        Assert.True(File.Exists(file), $"docs/openapi.json is missing: write it with {command}");
        var committed = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        Assert.True(committed == served, $"docs/openapi.json differs from what the app serves at /openapi/v1.json: regenerate it with {command}");
    }

    [GeneratedRegex(@"\{([A-Za-z]+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
