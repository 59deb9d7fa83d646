using System.Globalization;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Features.Proposals;
using Mediator;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// POST /api/proposals/{id}/packages?template=gcf-concept-note&amp;lang=fr: the package as a zip
/// (without template, the pack of the proposal's type of application; without lang, its language).
/// A proposal with error-level findings gives a draft; the header X-Package-Draft says which.
public static class PackageEndpoint
{
    public static void MapPackageApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/proposals/{id:guid}/packages", async (Guid id, string? template, string? lang, IMediator mediator, PackageBuilder builder, HttpContext http,
            Data.FinanceBuilderDbContext db, Storage.ContentStore contents, DocumentPictures pictures, TimeProvider clock, CancellationToken ct) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var found = await mediator.Send(new GetProposal.Query(id), ct);
            if (found is null)
                return Problems.NotFound(culture);
            var engagement = await Data.Participation.EngagementRecords.LoadAsync(db, id, withInputs: true, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            var (package, problem) = await builder.BuildAsync(found.Document, template, lang, culture, ct, pictures, engagement);
            if (package is null)
                return Problems.Status(problem!.Status, problem.Message);
            http.Response.Headers["X-Package-Draft"] = package.Draft ? "true" : "false";
            http.Response.Headers["X-Package-Pages"] = package.Pages.ToString(CultureInfo.InvariantCulture);
            return package.Annexes.Count > 0
                ? await PackageDownload.OfProposalAsync(package, id, db, contents, ct)
                : Results.File(package.Zip.Content, package.Zip.ContentType, package.Zip.Name);
        }).RequireAuthorization(Accounts.Policies.SignedIn)
            .WithTags("Packages").WithName("buildPackage").WithSummary("Build a proposal's application package")
            .WithDescription("A zip with the pack's document as PDF and DOCX, the budget workbook, the proposal file, the validation report, the attached files under annexes/ and a manifest with the SHA-256 of each file. "
                + "A proposal with error-level findings gives a draft, marked on every page.")
            .QueryValuesFrom("template", "The template pack; by default the pack of the proposal's type of application.", services => [.. services.GetRequiredService<TemplatePacks>().Packs.Keys.Order(StringComparer.Ordinal)])
            .QueryValuesFrom("lang", "Language of the documents; by default the proposal's own.", services => [.. services.GetRequiredService<TemplatePacks>().Packs.Values.SelectMany(p => p.Manifest.Languages).Distinct().Order(StringComparer.Ordinal)])
            .Returns(StatusCodes.Status200OK, "The package.", "application/zip", "Content-Disposition", "X-Package-Draft", "X-Package-Pages")
            .Fails(StatusCodes.Status400BadRequest, "template names no loaded pack, or the pack has no such language.")
            .Fails(StatusCodes.Status404NotFound, "No such proposal, or not one the signed-in person may see.")
            .Fails(StatusCodes.Status422UnprocessableEntity, "The stored proposal cannot be read, or the pack failed on it (too long, too slow): the title says why.");
}
