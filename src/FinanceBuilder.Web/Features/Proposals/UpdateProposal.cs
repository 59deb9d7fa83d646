using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// Replace a proposal's document, but only if the writer read the version now stored.
/// The version check is made twice: here, for a clear answer, and by the database in the
/// UPDATE's WHERE clause, so two saves racing between the check and the write cannot both win.
public static class UpdateProposal
{
    public sealed record Command(Guid Id, int ExpectedVersion, byte[] Json, CultureInfo Culture) : IRequest<Result>;

    public enum Outcome { Saved, NotFound, Conflict, Invalid }

    public sealed record Result(Outcome Outcome, ProposalSummary? Saved = null, int? CurrentVersion = null, IReadOnlyList<ProposalInputError>? Errors = null);

    public sealed class Handler(FinanceBuilderDbContext db, ProposalReader reader, TimeProvider clock, ProposalValidation validation) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
            if (record is null)
                return new Result(Outcome.NotFound);
            if (record.Version != command.ExpectedVersion)
                return new Result(Outcome.Conflict, CurrentVersion: record.Version);

            var read = reader.Read(command.Json, command.Culture);
            if (!read.Succeeded)
                return new Result(Outcome.Invalid, Errors: read.Errors);

            await Storage.AttachedFiles.ReconcileAsync(db, record.Id, read.Proposal!, cancellationToken);
            EngagementEvidence.Attach(read.Proposal!, record.Engagement);
            ProposalColumns.Write(record, read.Proposal!, validation.Validate(read.Proposal!));
            db.SaveAsNextVersion(record, command.ExpectedVersion, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                var current = await db.Proposals.AsNoTracking().Where(p => p.Id == command.Id).Select(p => (int?)p.Version).FirstOrDefaultAsync(cancellationToken);
                return current is null ? new Result(Outcome.NotFound) : new Result(Outcome.Conflict, CurrentVersion: current);
            }
            return new Result(Outcome.Saved, ProposalSummary.From(record));
        }
    }
}
