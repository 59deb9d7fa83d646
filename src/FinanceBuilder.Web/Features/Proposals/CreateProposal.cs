using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Model;
using Mediator;

namespace FinanceBuilder.Web.Features.Proposals;

/// Stores a new proposal document: a blank one from the wizard's first question, or a copy.
public static class CreateProposal
{
    public sealed record Command(Proposal Proposal) : IRequest<ProposalSummary>;

    public sealed class Handler(FinanceBuilderDbContext db, TimeProvider clock) : IRequestHandler<Command, ProposalSummary>
    {
        public async ValueTask<ProposalSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = New(db, clock, command.Proposal);
            await db.SaveChangesAsync(cancellationToken);
            return ProposalSummary.From(record);
        }
    }

    /// A new record of the current organisation, version 1, added to the context (not saved).
    public static ProposalRecord New(FinanceBuilderDbContext db, TimeProvider clock, Proposal proposal)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ProposalRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerOrganisationId = db.Access.OrganisationId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        ProposalColumns.Write(record, proposal);
        db.Proposals.Add(record);
        return record;
    }
}
