using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FinanceBuilder.Web.Features.ApiDocument;

/// The OpenAPI document of the JSON API, served at /openapi/v1.json and kept in docs/openapi.json.
/// Only /api/… endpoints are described (plus /health): pages, forms, the language switch and
/// sign-out are for browsers and stay out. The document is anonymous to read: it describes the
/// API's shape, as /api/schema/proposal does the file format, and holds no tenant's data.
public static class ApiDocumentSetup
{
    public const string DocumentName = "v1";
    public const string Route = "/openapi/{documentName}.json";
    internal const string SessionScheme = "session";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The validation report writes its enums as camelCase names (ValidationReportView.JsonOptions);
        // the generator describes types as the endpoints' serializer writes them, so that one says
        // the same. The API's other bodies carry no enum.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // ListProposals.Result is "ListProposalsResult", not a bare "Result".
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } outer
                ? outer.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(ApiOperationTransformer.TransformAsync);
        });
    }

    /// The validation report leaves null values out (WhenWritingNull): a property that may be null
    /// is not promised to be present. (Elsewhere a null is written, and "not required" stays true.)
    /// Done on the finished components, where nullable properties have their final oneOf form.
    private static void NullMayBeLeftOut(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Properties is null || schema.Required is null)
                continue;
            foreach (var (name, property) in schema.Properties)
            {
                if (property.Type?.HasFlag(JsonSchemaType.Null) == true || property.OneOf?.Any(o => o.Type == JsonSchemaType.Null) == true)
                    schema.Required.Remove(name);
            }
        }
    }

    public static void MapApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(Route).AllowAnonymous();

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "FinanceBuilder API",
            Version = "1",
            Description = "Import, read, replace, list and delete climate-finance proposals, check them against the "
                + "GCF-style rules and build their application packages. A proposal is one JSON file described by "
                + "/api/schema/proposal (docs/proposal.schema.json in the repository). Errors are problem documents "
                + "(RFC 9457, application/problem+json) in the language of Accept-Language (English or French). "
                + "Writes use optimistic concurrency: the ETag of a proposal is its stored version, sent back in If-Match. "
                + "A write that the browser says comes from another site (Sec-Fetch-Site or Origin) is refused with 400 before it reaches any endpoint.",
        };
        // No server list: the document is served by the app it describes, so paths are relative to
        // wherever it was fetched from (and the committed copy does not name a test host).
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "__Host-fb-session",
            Description = "The session cookie that signing in at /account/sign-in sets. It is named __Host-fb-session when "
                + "cookies are Secure (the default outside Development) and fb-session otherwise (FinanceBuilder:Cookies:Secure).",
        };
        document.Paths ??= [];
        document.Paths["/health"] = HealthPath();
        NullMayBeLeftOut(document);
        return Task.CompletedTask;
    }

    /// /health is a health-check endpoint, not a route handler, so the generator does not see it.
    private static OpenApiPathItem HealthPath() => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = "getHealth",
                Summary = "Is the server able to serve?",
                Description = "Answers whether the database can be reached. Anonymous: it says nothing about anybody's data.",
                Tags = new HashSet<OpenApiTagReference> { new("Health") },
                Responses = new OpenApiResponses
                {
                    ["200"] = PlainText("Healthy: the database answers."),
                    ["503"] = PlainText("Unhealthy: the database does not answer."),
                },
            },
        },
    };

    private static OpenApiResponse PlainText(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(description.StartsWith("Healthy", StringComparison.Ordinal) ? "Healthy" : "Unhealthy")] } },
        },
    };

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
