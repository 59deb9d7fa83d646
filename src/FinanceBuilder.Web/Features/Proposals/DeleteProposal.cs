using FinanceBuilder.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// Soft delete: the proposal disappears from every list and read, the row stays. Its submitted
/// versions and their packages stay in the database for the record but nobody reaches them any
/// more — not the organisation, not a donor it was shared with (README, "Deleting a proposal").
/// Its attached files are removed at once, except those frozen with a submitted version.
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
            // In the same transaction as the delete: no moment where the proposal is gone and its
            // submitted packages still download (and no package read into memory to mark it).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await db.Submissions.Where(s => s.ProposalId == record.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProposalDeleted, true), cancellationToken);
                await db.SubmissionPackages.Where(p => p.ProposalId == record.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.ProposalDeleted, true), cancellationToken);
                await db.AnnexFiles.Where(f => f.ProposalId == record.Id && db.SubmissionFiles.Any(s => s.AnnexFileId == f.Id))
                    .ExecuteUpdateAsync(f => f.SetProperty(x => x.ProposalDeleted, true), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
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
