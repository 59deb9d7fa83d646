using System.Globalization;
using FinanceBuilder.Web.Features.Proposals;
using Mediator;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// POST /api/proposals/{id}/packages?template=gcf-concept-note&amp;lang=fr: the package as a zip
/// (without template, the pack of the proposal's type of application; without lang, its language).
/// A proposal with error-level findings gives a draft; the header X-Package-Draft says which.
public static class PackageEndpoint
{
    public static void MapPackageApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/proposals/{id:guid}/packages", async (Guid id, string? template, string? lang, IMediator mediator, PackageBuilder builder, HttpContext http, CancellationToken ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var found = await mediator.Send(new GetProposal.Query(id), ct);
            if (found is null)
                return Problems.NotFound(culture);
            var (package, problem) = await builder.BuildAsync(found.Document, template, lang, culture, ct);
            if (package is null)
                return Problems.Status(problem!.Status, problem.Message);
            http.Response.Headers["X-Package-Draft"] = package.Draft ? "true" : "false";
            http.Response.Headers["X-Package-Pages"] = package.Pages.ToString(CultureInfo.InvariantCulture);
            return Results.File(package.Zip.Content, package.Zip.ContentType, package.Zip.Name);
        }).RequireAuthorization(Accounts.Policies.SignedIn);
}
