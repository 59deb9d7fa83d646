using FinanceBuilder.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// The current organisation's proposals, most recently changed first.
public static class ListProposals
{
    public const int MaxPageSize = 200;

    public sealed record Query(int Page = 1, int PageSize = 50) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<ProposalSummary> Items, int Total, int Page, int PageSize);

    public sealed class Handler(FinanceBuilderDbContext db) : IRequestHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            // Bounded so (page - 1) * size can never overflow into a negative OFFSET.
            var page = Math.Clamp(query.Page, 1, int.MaxValue / MaxPageSize);
            var total = await db.Proposals.CountAsync(cancellationToken);
            var items = await db.Proposals.AsNoTracking()
                .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
                .Skip((page - 1) * size).Take(size)
                .Select(p => new ProposalSummary(p.Id, p.Title, p.Fund, p.Route, p.Status.ToString(), p.Language, p.Version, p.CreatedAt, p.UpdatedAt))
                .ToListAsync(cancellationToken);
            return new Result(items, total, page, size);
        }
    }
}
