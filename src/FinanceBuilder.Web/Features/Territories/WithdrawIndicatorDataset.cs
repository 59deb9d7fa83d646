using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// Takes a dataset out of the shared library: its values leave the territory pages, the API and
/// the exports at once; its address answers 410 Gone. Only a dataset the organisation's own log
/// names (the tenancy filter of IndicatorImport) can be withdrawn.
public static class WithdrawIndicatorDataset
{
    public sealed record Command(Guid DatasetId) : IRequest<bool>;

    public sealed class Handler(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!await db.IndicatorImports.AnyAsync(l => l.DatasetId == request.DatasetId, cancellationToken))
                return false;
            var dataset = await db.IndicatorDatasets.FirstOrDefaultAsync(d => d.Id == request.DatasetId && d.WithdrawnAt == null, cancellationToken);
            if (dataset is null)
                return false;
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.TerritoryIndicatorValues.Where(v => v.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            dataset.WithdrawnAt = now;
            dataset.UpdatedAt = now;
            db.IndicatorImports.Add(new IndicatorImport
            {
                DatasetId = dataset.Id,
                OrganisationId = dataset.OrganisationId,
                UserId = access.UserId,
                UserName = access.UserName,
                At = now,
                Kind = "withdrawn",
                RowCount = dataset.RowCount,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
