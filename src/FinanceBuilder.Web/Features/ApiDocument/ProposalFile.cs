using Microsoft.OpenApi;

namespace FinanceBuilder.Web.Features.ApiDocument;

/// The proposal file in the OpenAPI document. Its full JSON Schema is generated from the model
/// and served at /api/schema/proposal; describing it a second time here would drift from it,
/// so the document says "a JSON object" and points to the schema (externalDocs) instead.
internal static class ProposalFile
{
    public const string SchemaAddress = "/api/schema/proposal";

    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Title = "FinanceBuilder proposal",
        Description = "A proposal file: its JSON Schema (2020-12, $id https://financebuilder.org/schema/proposal.schema.json) "
            + "is served at " + SchemaAddress + " and kept in docs/proposal.schema.json. Files of an older schemaVersion are upgraded.",
        Required = new HashSet<string> { "schemaVersion" },
        ExternalDocs = new OpenApiExternalDocs { Description = "The proposal's JSON Schema", Url = new Uri(SchemaAddress, UriKind.Relative) },
    };

    public static OpenApiRequestBody RequestBody() => new()
    {
        Required = true,
        Description = "The proposal file (UTF-8 JSON, at most FinanceBuilder:Limits:MaxProposalBytes, 10 MB by default). Any JSON media type is accepted.",
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Schema() } },
    };
}
