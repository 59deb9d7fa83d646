using FinanceBuilder.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// Soft delete: the proposal disappears from every list and read, the row stays (it can be
/// restored by an administrator until a retention job purges it — a later issue). Its attached
/// files are removed at once, except those frozen with a submitted version.
public static class DeleteProposal
{
    public sealed record Command(Guid Id, int? ExpectedVersion) : IRequest<Result>;

    public enum Outcome { Deleted, NotFound, Conflict }

    public sealed record Result(Outcome Outcome, int? CurrentVersion = null);

    public sealed class Handler(FinanceBuilderDbContext db, TimeProvider clock, Storage.AnnexFileCollector files) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
            if (record is null)
                return new Result(Outcome.NotFound);
            var expected = command.ExpectedVersion ?? record.Version;
            if (record.Version != expected)
                return new Result(Outcome.Conflict, record.Version);

            var now = clock.GetUtcNow().UtcDateTime;
            record.IsDeleted = true;
            record.DeletedAt = now;
            // A deleted proposal is no longer shared: donors lose its submissions with it, in
            // the same save (the applicant could not stop sharing a proposal it cannot open).
            db.ProposalShares.RemoveRange(await db.ProposalShares.Where(s => s.ProposalId == record.Id).ToListAsync(cancellationToken));
            db.SaveAsNextVersion(record, expected, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                var current = await db.Proposals.AsNoTracking().Where(p => p.Id == command.Id).Select(p => (int?)p.Version).FirstOrDefaultAsync(cancellationToken);
                return current is null ? new Result(Outcome.NotFound) : new Result(Outcome.Conflict, current);
            }
            // Its files go, but those of its submitted versions, kept as long as those are.
            await files.CollectAsync(record.Id, cancellationToken);
            return new Result(Outcome.Deleted);
        }
    }
}
