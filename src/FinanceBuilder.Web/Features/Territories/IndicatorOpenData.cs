using FinanceBuilder.Web.Catalogue.Exports;
using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.RateLimits;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// The shared library's open data, for anyone: the Data Package (definitions, datasets, values)
/// and each dataset's own file as it was imported, byte for byte. Validators (ETag,
/// Last-Modified) from the datasets' last change; the values are written as they are read.
public static class IndicatorOpenData
{
    public static void MapIndicatorOpenData(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(TerritoryUrls.OpenData).AllowAnonymous().RequireSharedRateLimit(PublicCaching.RateLimit).SharedByDefault().WithTags("Open data");

        open.MapGet("/datapackage.json", async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"indicators-package-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var licences = await db.TerritoryIndicatorValues.AsNoTracking().Select(v => v.Licence).Distinct().ToListAsync(ct);
            var homepage = OpenDataEndpoints.BaseUrl(context) + TerritoryUrls.Library;
            return Results.Text(IndicatorPackage.Descriptor(homepage, last, licences.Count == 0 ? ["CC-BY-4.0"] : licences), "application/json", System.Text.Encoding.UTF8);
        })
        .WithName("GetIndicatorPackage").WithSummary("The territorial indicators' Frictionless Data Package descriptor (definitions, datasets, values)");

        open.MapGet("/definitions.csv", () => Results.Text(
                DataPackage.Header(IndicatorPackage.Definitions) + string.Concat(IndicatorLibrary.All.Select(IndicatorPackage.DefinitionRow)),
                "text/csv; charset=utf-8", System.Text.Encoding.UTF8))
            .WithName("GetIndicatorDefinitions").WithSummary("The library's indicator definitions (CSV)");

        open.MapGet("/datasets.csv", async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"indicators-datasets-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var baseUrl = OpenDataEndpoints.BaseUrl(context);
            var rows = await db.IndicatorDatasets.AsNoTracking().Where(d => d.WithdrawnAt == null).OrderBy(d => d.PublishedAt).ThenBy(d => d.Id).ToListAsync(ct);
            return Results.Text(DataPackage.Header(IndicatorPackage.Datasets)
                + string.Concat(rows.Select(d => IndicatorPackage.DatasetRow(d.Id, d.Name, d.PublisherName, d.RowCount, d.PublishedAt, d.UpdatedAt, baseUrl + TerritoryUrls.Dataset(d.Id)))),
                "text/csv; charset=utf-8", System.Text.Encoding.UTF8);
        })
        .WithName("GetIndicatorDatasets").WithSummary("The datasets of the library (CSV)");

        open.MapGet("/values.csv", async (HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var (count, last) = await VersionAsync(db, ct);
            if (PublicCaching.NotModified(context, $"indicators-values-{count}", last, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var rows = db.TerritoryIndicatorValues.AsNoTracking().OrderBy(v => v.DatasetId).ThenBy(v => v.Row).AsAsyncEnumerable();
            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 16 * 1024);
                await writer.WriteAsync(DataPackage.Header(IndicatorPackage.Values));
                await foreach (var v in rows.WithCancellation(ct))
                    await writer.WriteAsync(IndicatorPackage.ValueRow(v.DatasetId, v.Row, v.IndicatorCode, v.CountryCode, v.TerritoryCode, v.TerritoryName, v.Year, v.ValueText, v.Source, v.SourceDate, v.Licence));
                await writer.FlushAsync(ct);
            }, "text/csv; charset=utf-8");
        })
        .WithName("GetIndicatorValues").WithSummary("Every value of the library (CSV)");

        open.MapGet("/datasets/{id:guid}.csv", async (Guid id, HttpContext context, FinanceBuilderDbContext db, CancellationToken ct) =>
        {
            var dataset = await db.IndicatorDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            if (dataset is null)
                return Results.NotFound();
            if (dataset.WithdrawnAt is not null)
                return Results.StatusCode(StatusCodes.Status410Gone);
            if (PublicCaching.NotModified(context, $"dataset-{dataset.Id:N}", dataset.UpdatedAt, byLanguage: false))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            var rows = await db.TerritoryIndicatorValues.AsNoTracking().Where(v => v.DatasetId == id).OrderBy(v => v.Row)
                .Select(v => new TerritoryValueRow(v.Row, v.IndicatorCode, v.CountryCode, v.TerritoryCode, v.TerritoryName, v.Year, v.ValueText, v.Value, v.Source, v.SourceDate, v.Licence))
                .ToListAsync(ct);
            var text = TerritoryValuesCsv.Write(rows, CsvLayout.Parse(dataset.Layout));
            // The text as it is, byte-order mark included when the file had one.
            return Results.Bytes(new System.Text.UTF8Encoding(false).GetBytes(text), "text/csv; charset=utf-8", $"{dataset.Id}.csv");
        })
        .WithName("GetIndicatorDataset").WithSummary("One dataset's values as the file that was imported (CSV)");
    }

    private static async Task<(int Count, DateTime Last)> VersionAsync(FinanceBuilderDbContext db, CancellationToken ct) =>
        (await db.IndicatorDatasets.CountAsync(d => d.WithdrawnAt == null, ct),
         await db.IndicatorDatasets.MaxAsync(d => (DateTime?)d.UpdatedAt, ct) ?? DateTime.UnixEpoch);
}
