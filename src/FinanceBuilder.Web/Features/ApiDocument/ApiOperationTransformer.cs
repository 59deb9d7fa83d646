using System.Text.Json.Nodes;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FinanceBuilder.Web.Features.ApiDocument;

/// Writes each endpoint's ApiNotes into its operation, and what its authorization metadata
/// means: a signed-in session (401 without one) and, for a role policy, 403 for other roles.
internal static class ApiOperationTransformer
{
    private static readonly Dictionary<string, string> HeaderMeanings = new(StringComparer.Ordinal)
    {
        ["ETag"] = "The proposal's stored version as a strong entity tag (\"7\"); send it back in If-Match to change the proposal.",
        ["Location"] = "The address of the new proposal.",
        ["Content-Disposition"] = "attachment, with the package's file name (proposal title, pack, language, version; -DRAFT for a draft).",
        ["X-Package-Draft"] = "true when the proposal has error-level findings: every page of its documents then says DRAFT.",
        ["X-Package-Pages"] = "Number of pages of the main PDF document.",
        ["X-Documents-Language"] = "The language the proposal's documents take when none is asked (en or fr): the answers' own when a template writes it, else English (a proposal written in Spanish gets English documents until Spanish templates exist).",
    };

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        Authorization(operation, context, metadata);
        foreach (var note in metadata.OfType<ApiNotes.Response>())
        {
            if (!operation.Responses.TryGetValue(ApiDocumentSetup.Invariant(note.Status), out var found) || found is not OpenApiResponse response)
                continue;
            response.Description = note.Description;
            if (metadata.OfType<ApiNotes.ProposalFileResponse>().Any(p => p.Status == note.Status))
                response.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = ProposalFile.Schema() } };
            foreach (var header in note.Headers)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[header] = new OpenApiHeader { Description = HeaderMeanings[header], Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
        foreach (var query in metadata.OfType<ApiNotes.Query>())
            Query(operation, context, metadata, query);
        if (metadata.OfType<ApiNotes.IfMatch>().FirstOrDefault() is { } ifMatch)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = ifMatch.Required,
                Description = ifMatch.Required
                    ? "The ETag of the version this change was made from. Without it the answer is 428; when the proposal was saved since, 412."
                    : "Optional: the ETag of the version the caller saw; when the proposal was saved since, the answer is 412 and nothing is deleted.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[0-9]+\"$" },
            });
        }
        if (metadata.OfType<ApiNotes.ProposalBody>().Any())
            operation.RequestBody = ProposalFile.RequestBody();
        return Task.CompletedTask;
    }

    private static void Authorization(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
            return;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Distinct().ToList();
        if (policies.Count == 0)
            return;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentSetup.SessionScheme, context.Document)] = [] }];
        operation.Responses!["401"] = Problem("Not signed in (or the session ended): sign in at /account/sign-in first.", context);
        var roles = policies.Where(p => p is not null && p != Policies.SignedIn).ToList();
        if (roles.Count > 0)
            operation.Responses["403"] = Problem($"Signed in, but the account's role may not do this (policy {string.Join(", ", roles)}).", context);
    }

    /// The same problem document as the endpoints' own errors (the status-code pages write it).
    private static OpenApiResponse Problem(string description, OpenApiOperationTransformerContext context) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
        },
    };

    private static void Query(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata, ApiNotes.Query note)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == note.Name) is not OpenApiParameter parameter)
            throw new InvalidOperationException($"{context.Description.RelativePath}: ApiNotes names query parameter '{note.Name}', which the handler does not take");
        parameter.Description = note.Description;
        var values = metadata.OfType<ApiNotes.DynamicQuery>().FirstOrDefault(d => d.Name == note.Name) is { } dynamic
            ? dynamic.Values(context.ApplicationServices)
            : note.Values;
        if (note.Minimum is { } minimum)
        {
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = ApiDocumentSetup.Invariant(minimum),
                Maximum = note.Maximum is { } maximum ? ApiDocumentSetup.Invariant(maximum) : null,
                Default = note.Default is { } value ? JsonValue.Create(value) : null,
            };
        }
        else if (values.Count > 0)
        {
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
        }
    }
}
