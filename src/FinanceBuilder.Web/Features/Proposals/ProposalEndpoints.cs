using System.Globalization;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace FinanceBuilder.Web.Features.Proposals;

/// The proposal HTTP API: JSON in and out, problem-details errors, ETag / If-Match for
/// optimistic concurrency (design D10). The ETag is the stored Version.
public static class ProposalEndpoints
{
    public static void MapProposalApi(this IEndpointRouteBuilder app)
    {
        // Reading needs a signed-in person and returns only what they may see (404 otherwise);
        // changing needs an applicant editor.
        var api = app.MapGroup("/api/proposals").RequireAuthorization(Policies.SignedIn).WithTags("Proposals");
        api.MapPost("/", Import).RequireAuthorization(Policies.ApplicantEditor)
            .WithName("importProposal").WithSummary("Import a proposal file")
            .WithDescription("Stores a new proposal of the signed-in person's organisation from a proposal file (older schema versions are upgraded first).")
            .TakesProposalFile()
            .Returns<ProposalSummary>(StatusCodes.Status201Created, "Stored: the new proposal's summary.", "application/json", "Location", "ETag", "X-Documents-Language")
            .Fails(StatusCodes.Status400BadRequest, "The file is not a valid proposal: errors lists each problem's JSON path and message.")
            .Fails(StatusCodes.Status413PayloadTooLarge, "The body is larger than FinanceBuilder:Limits:MaxProposalBytes.")
            .Fails(StatusCodes.Status415UnsupportedMediaType, "The body is not JSON (Content-Type must name JSON).");
        api.MapGet("/", List)
            .WithName("listProposals").WithSummary("List proposals")
            .WithDescription("The proposals the signed-in person may see, most recently changed first, one page at a time.")
            .QueryRange("page", "Page number, from 1.", 1, null, 1)
            .QueryRange("pageSize", $"Proposals per page, 1 to {ListProposals.MaxPageSize} (larger values are lowered to {ListProposals.MaxPageSize}).", 1, ListProposals.MaxPageSize, 50)
            .Returns<ListProposals.Result>(StatusCodes.Status200OK, "One page of proposal summaries and the total count.")
            .Fails(StatusCodes.Status400BadRequest, "page or pageSize is not a whole number.");
        api.MapGet("/{id:guid}", Get)
            .WithName("getProposal").WithSummary("Read a proposal file")
            .WithDescription("The stored proposal as a proposal file, with its version in ETag.")
            .ReturnsProposalFile(StatusCodes.Status200OK, "The proposal file (see /api/schema/proposal).", "ETag")
            .Fails(StatusCodes.Status404NotFound, "No such proposal, or not one the signed-in person may see.");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.ApplicantEditor)
            .WithName("updateProposal").WithSummary("Replace a proposal")
            .WithDescription("Replaces the stored proposal with a proposal file, if nobody saved it since the version named in If-Match.")
            .TakesProposalFile().ReadsIfMatch(required: true)
            .Returns<ProposalSummary>(StatusCodes.Status200OK, "Saved: the proposal's new summary; ETag carries the new version.", "application/json", "ETag")
            .Fails(StatusCodes.Status400BadRequest, "If-Match is not one strong entity tag, or the file is not a valid proposal (errors lists each problem).")
            .Fails(StatusCodes.Status404NotFound, "No such proposal, or not one the signed-in person may see.")
            .Fails(StatusCodes.Status412PreconditionFailed, "Someone saved the proposal after the version in If-Match: currentVersion says which version is stored now.")
            .Fails(StatusCodes.Status413PayloadTooLarge, "The body is larger than FinanceBuilder:Limits:MaxProposalBytes.")
            .Fails(StatusCodes.Status415UnsupportedMediaType, "The body is not JSON (Content-Type must name JSON).")
            .Fails(StatusCodes.Status428PreconditionRequired, "If-Match is missing.");
        api.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.ApplicantEditor)
            .WithName("deleteProposal").WithSummary("Delete a proposal")
            .WithDescription("Deletes the proposal (a soft delete: it disappears from every list and read). With If-Match, only if nobody saved it since that version.")
            .ReadsIfMatch(required: false)
            .Returns(StatusCodes.Status204NoContent, "Deleted.")
            .Fails(StatusCodes.Status400BadRequest, "If-Match is not one strong entity tag.")
            .Fails(StatusCodes.Status404NotFound, "No such proposal, or not one the signed-in person may see.")
            .Fails(StatusCodes.Status412PreconditionFailed, "Someone saved the proposal after the version in If-Match: currentVersion says which version is stored now.");
        // The schema is public: it describes the format, not anybody's data.
        app.MapGet("/api/schema/proposal", () => Results.Text(ProposalSchema.Json, "application/schema+json; charset=utf-8")).AllowAnonymous()
            .WithTags("Proposals").WithName("getProposalSchema").WithSummary("The proposal file's JSON Schema")
            .WithDescription("The JSON Schema (2020-12) of proposal files, generated from the model with every limit; the same as docs/proposal.schema.json. Anonymous: it describes the format, not anybody's data.")
            .Returns(StatusCodes.Status200OK, "The JSON Schema.", "application/schema+json");
    }

    private static async Task<IResult> Import(HttpRequest request, IMediator mediator, RequestBodyLimit limit, IDocumentsLanguage documents, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var body = await RequestBody.ReadJsonAsync(request, limit.MaxBytes, culture, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await mediator.Send(new ImportProposal.Command(body.Bytes!, culture), ct);
        if (result.Created is not { } created)
            return Problems.Invalid(result.Errors, culture);
        // Said at import, so a value accepted now is never refused later (issue 21).
        if (Enum.TryParse<FinanceBuilder.Web.Proposals.Model.Language>(created.Language, ignoreCase: true, out var answers))
            request.HttpContext.Response.Headers["X-Documents-Language"] = documents.DefaultFor(answers);
        return Results.Created($"/api/proposals/{created.Id}", created).WithETag(created.Version);
    }

    private static async Task<IResult> List(IMediator mediator, int? page, int? pageSize, CancellationToken ct) =>
        Results.Ok(await mediator.Send(new ListProposals.Query(page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> Get(Guid id, IMediator mediator, CancellationToken ct)
    {
        var found = await mediator.Send(new GetProposal.Query(id), ct);
        if (found is null)
            return Problems.NotFound(CultureInfo.CurrentUICulture);
        return Results.Text(found.Document, "application/json; charset=utf-8").WithETag(found.Summary.Version);
    }

    private static async Task<IResult> Update(Guid id, HttpRequest request, IMediator mediator, RequestBodyLimit limit, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Problems.Status(StatusCodes.Status428PreconditionRequired, Messages.Format(culture, "IfMatchRequired"));
        if (ETags.Parse(ifMatch) is not { } expected)
            return Problems.Status(StatusCodes.Status400BadRequest, Messages.Format(culture, "IfMatchInvalid"));

        var body = await RequestBody.ReadJsonAsync(request, limit.MaxBytes, culture, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await mediator.Send(new UpdateProposal.Command(id, expected, body.Bytes!, culture), ct);
        return result.Outcome switch
        {
            UpdateProposal.Outcome.Saved => Results.Ok(result.Saved).WithETag(result.Saved!.Version),
            UpdateProposal.Outcome.NotFound => Problems.NotFound(culture),
            UpdateProposal.Outcome.Conflict => Problems.Conflict(result.CurrentVersion, culture),
            _ => Problems.Invalid(result.Errors ?? [], culture),
        };
    }

    private static async Task<IResult> Delete(Guid id, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var ifMatch = request.Headers.IfMatch.ToString();
        int? expected = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            expected = ETags.Parse(ifMatch);
            if (expected is null)
                return Problems.Status(StatusCodes.Status400BadRequest, Messages.Format(culture, "IfMatchInvalid"));
        }
        var result = await mediator.Send(new DeleteProposal.Command(id, expected), ct);
        return result.Outcome switch
        {
            DeleteProposal.Outcome.Deleted => Results.NoContent(),
            DeleteProposal.Outcome.NotFound => Problems.NotFound(culture),
            _ => Problems.Conflict(result.CurrentVersion, culture),
        };
    }
}

/// Maximum size of a proposal body, FinanceBuilder:Limits:MaxProposalBytes (FinanceBuilderOptions).
public sealed record RequestBodyLimit(long MaxBytes);

public static class ETags
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// The version in a strong tag "7". A weak tag W/"7" never matches under If-Match
    /// (RFC 9110 §13.1.1), so it reads as version 0, which no proposal has: the save gets 412.
    /// A list or "*" is not a version and is refused (null).
    public static int? Parse(string header)
    {
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.Tag.Length < 3)
            return null;
        if (tag.IsWeak)
            return 0;
        return int.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static IResult WithETag(this IResult result, int version) => new ETagResult(result, Format(version));

    private sealed class ETagResult(IResult inner, string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
