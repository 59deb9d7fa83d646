using FinanceBuilder.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// One proposal of the current organisation with its document; null when it does not exist,
/// is deleted, or belongs to someone else (all three look the same from outside: 404).
public static class GetProposal
{
    public sealed record Query(Guid Id) : IRequest<Result?>;

    /// <param name="Engagement">The participation records' evidence kept beside the document (EngagementEvidence).</param>
    public sealed record Result(ProposalSummary Summary, string Document, string? Engagement = null);

    public sealed class Handler(FinanceBuilderDbContext db) : IRequestHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
            return record is null ? null : new Result(ProposalSummary.From(record), record.Document, record.Engagement);
        }
    }
}
