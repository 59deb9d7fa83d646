namespace FinanceBuilder.Web.Features.ApiDocument;

/// What an API endpoint declares about itself for the OpenAPI document, beside its code: each
/// status it answers and why, the query values it accepts, the headers it reads and writes.
/// ApiDocumentTransformers turns these notes into the document, so the endpoint file stays
/// the one place that says what the endpoint does.
public static class ApiNotes
{
    public sealed record Response(int Status, string Description, IReadOnlyList<string> Headers);

    public sealed record Query(string Name, string Description, IReadOnlyList<string> Values, int? Minimum = null, int? Maximum = null, int? Default = null);

    /// The endpoint reads If-Match; required when a missing one answers 428.
    public sealed record IfMatch(bool Required);

    /// The request body is a proposal file (docs/proposal.schema.json).
    public sealed record ProposalBody;

    /// The response with this status is a proposal file (docs/proposal.schema.json).
    public sealed record ProposalFileResponse(int Status);

    /// Values a query parameter takes that are known only once the app runs (the loaded packs).
    public sealed record DynamicQuery(string Name, Func<IServiceProvider, IReadOnlyList<string>> Values);

    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder builder, int status, string description, string contentType = "application/json", params string[] headers) =>
        builder.Produces<T>(status, contentType).WithMetadata(new Response(status, description, headers));

    public static RouteHandlerBuilder ReturnsProposalFile(this RouteHandlerBuilder builder, int status, string description, params string[] headers) =>
        builder.Produces(status, typeof(void), "application/json").WithMetadata(new Response(status, description, headers), new ProposalFileResponse(status));

    public static RouteHandlerBuilder Returns(this RouteHandlerBuilder builder, int status, string description, string? contentType = null, params string[] headers) =>
        (contentType is null ? builder.Produces(status) : builder.Produces(status, typeof(void), contentType))
            .WithMetadata(new Response(status, description, headers));

    /// An error answered as a problem document (application/problem+json).
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder builder, int status, string description) =>
        builder.ProducesProblem(status).WithMetadata(new Response(status, description, []));

    public static RouteHandlerBuilder QueryValues(this RouteHandlerBuilder builder, string name, string description, params string[] values) =>
        builder.WithMetadata(new Query(name, description, values));

    public static RouteHandlerBuilder QueryRange(this RouteHandlerBuilder builder, string name, string description, int minimum, int? maximum, int @default) =>
        builder.WithMetadata(new Query(name, description, [], minimum, maximum, @default));

    public static RouteHandlerBuilder QueryValuesFrom(this RouteHandlerBuilder builder, string name, string description, Func<IServiceProvider, IReadOnlyList<string>> values) =>
        builder.WithMetadata(new Query(name, description, []), new DynamicQuery(name, values));

    public static RouteHandlerBuilder ReadsIfMatch(this RouteHandlerBuilder builder, bool required) =>
        builder.WithMetadata(new IfMatch(required));

    public static RouteHandlerBuilder TakesProposalFile(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ProposalBody());
}
