using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// Puts a checked file of values in the shared library under the organisation's name, or
/// replaces the values of its dataset of the same name: the old values go and the new ones come
/// in one transaction, so a reader sees one file or the other, never a mix. Only an editor or
/// administrator of an applicant organisation reaches it (the page's policy).
public static class PublishIndicatorDataset
{
    public sealed record Command(string Name, string? FileName, IReadOnlyList<TerritoryValueRow> Rows, CsvLayout Layout) : IRequest<Result>;

    public sealed record Result(Guid DatasetId, bool Replaced);

    public sealed class Handler(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var organisation = access.OrganisationId;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dataset = await db.IndicatorDatasets
                .FirstOrDefaultAsync(d => d.OrganisationId == organisation && d.Name == request.Name && d.WithdrawnAt == null, cancellationToken);
            var replaced = dataset is not null;
            if (dataset is null)
            {
                dataset = new IndicatorDataset { Id = Guid.NewGuid(), OrganisationId = organisation, Name = request.Name, PublishedAt = now };
                db.IndicatorDatasets.Add(dataset);
            }
            else
            {
                await db.TerritoryIndicatorValues.Where(v => v.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            }
            dataset.PublisherName = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).FirstAsync(cancellationToken);
            dataset.RowCount = request.Rows.Count;
            dataset.Layout = request.Layout.Stored;
            dataset.UpdatedAt = now;
            db.TerritoryIndicatorValues.AddRange(request.Rows.Select(r => new TerritoryIndicatorValue
            {
                DatasetId = dataset.Id,
                Row = r.Row,
                IndicatorCode = r.Indicator,
                CountryCode = r.Country,
                TerritoryCode = r.TerritoryCode,
                TerritoryName = r.TerritoryName,
                Year = r.Year,
                ValueText = r.ValueText,
                Value = r.Value,
                Source = r.Source,
                SourceDate = r.SourceDate,
                Licence = r.Licence,
            }));
            db.IndicatorImports.Add(new IndicatorImport
            {
                DatasetId = dataset.Id,
                OrganisationId = organisation,
                UserId = access.UserId,
                UserName = access.UserName,
                At = now,
                Kind = replaced ? "replaced" : "imported",
                FileName = request.FileName,
                RowCount = request.Rows.Count,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(dataset.Id, replaced);
        }
    }
}
