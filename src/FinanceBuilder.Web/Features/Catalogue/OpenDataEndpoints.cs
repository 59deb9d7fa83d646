using System.Xml;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Exports;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.RateLimits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The catalogue's open data, for anyone: each action and the whole catalogue as IATI 2.03 XML
/// (docs/catalogue.md). Stable addresses, validators (ETag, Last-Modified) and the public
/// per-address limit; the whole catalogue is written as it is read from the database.
public static class OpenDataEndpoints
{
    public const string CatalogueIati = "/open-data/iati.xml";
    public const string PackageDescriptor = "/open-data/datapackage.json";
    public const string DcatCatalogueUrl = "/open-data/catalogue.jsonld";
    public const string ProjetsTerritoireUrl = "/open-data/projets-territoire.csv";
    public static string ActionIati(Guid id) => $"/actions/{id}/iati.xml";

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("").AllowAnonymous().RequireSharedRateLimit(PublicCaching.RateLimit).WithTags("Open data");

        open.MapGet("/actions/{id:guid}/iati.xml", async (Guid id, HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var row = await db.PublishedActions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (row is null)
                return Results.NotFound();
            if (row.WithdrawnAt is not null)
                return Results.StatusCode(StatusCodes.Status410Gone);
            if (PublicCaching.NotModified(context, $"iati-{row.Id:N}-{row.Revision}", row.UpdatedAt, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var baseUrl = BaseUrl(context);
            return Results.Stream(async body =>
            {
                await using var xml = XmlWriter.Create(body, IatiActivities.Settings(async: true));
                IatiActivities.Start(xml, row.UpdatedAt);
                IatiActivities.Write(xml, Entry(row, baseUrl));
                IatiActivities.End(xml);
                await xml.FlushAsync();
            }, "application/xml");
        })
        .WithName("GetActionIati")
        .WithSummary("One published action as an IATI 2.03 activity file")
        .Produces(StatusCodes.Status200OK, contentType: "application/xml");

        // ?publisher= narrows the file to one organisation's actions (its dataset in the DCAT catalogue).
        open.MapGet(CatalogueIati, async (Guid? publisher, HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"iati-{publisher:N}-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var baseUrl = BaseUrl(context);
            var rows = db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && (publisher == null || p.OrganisationId == publisher))
                .OrderBy(p => p.Id).AsAsyncEnumerable();
            return Results.Stream(async body =>
            {
                await using var xml = XmlWriter.Create(body, IatiActivities.Settings(async: true));
                IatiActivities.Start(xml, last);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    IatiActivities.Write(xml, Entry(row, baseUrl));
                    // A piece at a time: the catalogue never sits whole in memory.
                    await xml.FlushAsync();
                }
                IatiActivities.End(xml);
                await xml.FlushAsync();
            }, "application/xml");
        })
        .WithName("GetCatalogueIati")
        .WithSummary("Every published action as one IATI 2.03 activity file")
        .Produces(StatusCodes.Status200OK, contentType: "application/xml");

        MapDataPackage(open);

        open.MapGet(ProjetsTerritoireUrl, async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"projets-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var baseUrl = BaseUrl(context);
            var rows = db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null && p.CountryCode == "FR").OrderBy(p => p.Id).AsAsyncEnumerable();
            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 16 * 1024);
                await writer.WriteAsync(ProjetsTerritoire.Header());
                await foreach (var row in rows.WithCancellation(ct))
                    await writer.WriteAsync(ProjetsTerritoire.Row(Entry(row, baseUrl)));
                await writer.FlushAsync(ct);
            }, "text/csv; charset=utf-8");
        })
        .WithName("GetProjetsTerritoire")
        .WithSummary("French local governments' actions in the projets-territoire schema (CSV)");

        open.MapGet(DcatCatalogueUrl, async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"dcat-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var live = db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null);
            var publishers = await live.GroupBy(p => new { p.OrganisationId, p.PublisherName })
                .Select(g => new { g.Key.OrganisationId, g.Key.PublisherName, Count = g.Count(), First = g.Min(p => p.FirstPublishedAt), Last = g.Max(p => p.UpdatedAt) })
                .ToListAsync(ct);
            var countries = (await live.Where(p => p.CountryCode != null).Select(p => new { p.OrganisationId, p.CountryCode }).Distinct().ToListAsync(ct))
                .ToLookup(c => c.OrganisationId, c => c.CountryCode!);
            var first = publishers.Count == 0 ? last : publishers.Min(p => p.First);
            // One dataset per organisation, under the name of its latest publication: an
            // organisation renamed between two publications is still one publisher.
            var json = DcatCatalogue.Write(BaseUrl(context), first, last, publishers
                .GroupBy(p => p.OrganisationId)
                .OrderBy(g => g.Key)
                .Select(g => new DcatCatalogue.Publisher(g.Key, g.MaxBy(p => p.Last)!.PublisherName, g.Sum(p => p.Count), g.Min(p => p.First), g.Max(p => p.Last),
                    countries[g.Key].ToList()))
                .ToList());
            return Results.Text(json, "application/ld+json", System.Text.Encoding.UTF8);
        })
        .WithName("GetDcatCatalogue")
        .WithSummary("The catalogue's DCAT-AP 3.0.1 description (JSON-LD) for data portals");
    }

    /// The data package: its descriptor and one address per table, beside each other so that the
    /// descriptor's relative paths ("actions.csv") resolve.
    private static void MapDataPackage(RouteGroupBuilder open)
    {
        open.MapGet(PackageDescriptor, async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"package-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var licences = (await db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null).Select(p => p.Licence).Distinct().ToListAsync(ct))
                .Select(l => Enum.Parse<FinanceBuilder.Web.Catalogue.Model.DataLicence>(l)).ToList();
            return Results.Text(DataPackage.Descriptor(BaseUrl(context), last, licences), "application/json", System.Text.Encoding.UTF8);
        })
        .WithName("GetDataPackage")
        .WithSummary("The catalogue's Frictionless Data Package descriptor (actions, funding, indicators)");

        foreach (var table in DataPackage.Tables)
        {
            open.MapGet($"/open-data/{table.Name}.csv", async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
            {
                var (count, last) = await VersionAsync(db, ct);
                if (PublicCaching.NotModified(context, $"{table.Name}-{count}", last, byLanguage: false))
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                var baseUrl = BaseUrl(context);
                var rows = db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null).OrderBy(p => p.Id).AsAsyncEnumerable();
                return Results.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 16 * 1024);
                    await writer.WriteAsync(DataPackage.Header(table));
                    await foreach (var row in rows.WithCancellation(ct))
                    {
                        foreach (var line in DataPackage.Rows(table, Entry(row, baseUrl)))
                            await writer.WriteAsync(line);
                    }
                    await writer.FlushAsync(ct);
                }, "text/csv; charset=utf-8");
            })
            .WithName("GetDataPackage" + char.ToUpperInvariant(table.Name[0]) + table.Name[1..])
            .WithSummary($"The data package's {table.Name} table (CSV)");
        }
    }

    /// What any change to the public catalogue moves: the number of public actions and the newest
    /// date of any row (a withdrawal dates its tombstone).
    private static async Task<(int Count, DateTime Last)> VersionAsync(FinanceBuilderDbContext db, CancellationToken ct) =>
        (await db.PublishedActions.CountAsync(p => p.WithdrawnAt == null, ct),
         await db.PublishedActions.MaxAsync(p => (DateTime?)p.UpdatedAt, ct) ?? DateTime.UnixEpoch);

    public static PublishedEntry Entry(PublishedAction row, string baseUrl) =>
        new(row.Id, row.OrganisationId, row.PublisherName, row.Revision, row.FirstPublishedAt, row.UpdatedAt,
            ActionJson.FromStored(row.Document), baseUrl + CatalogueUrls.Action(row.Id), row.ReportingOrgRef);

    /// Absolute links name the address the administrator set (FinanceBuilder:PublicUrl), else
    /// the one the request came in by.
    public static string BaseUrl(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.PublicUrl?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{context.Request.Scheme}://{context.Request.Host}";
}
