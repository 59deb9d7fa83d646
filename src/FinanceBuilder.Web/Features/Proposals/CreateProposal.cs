using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Mediator;

namespace FinanceBuilder.Web.Features.Proposals;

/// Stores a new proposal document: a blank one from the wizard's first question, or a copy.
public static class CreateProposal
{
    /// <param name="OwnerOrganisationId">For a planning agency, the supported organisation the
    /// proposal is written for; the person's own organisation when null.</param>
    /// <param name="FreshStart">A proposal begun in the wizard: its pages show their checks only
    /// once saved. A copy or a file comes complete, with every page's checks shown.</param>
    public sealed record Command(Proposal Proposal, Guid? OwnerOrganisationId = null, bool FreshStart = false) : IRequest<ProposalSummary>;

    public sealed class Handler(FinanceBuilderDbContext db, TimeProvider clock, ProposalValidation validation) : IRequestHandler<Command, ProposalSummary>
    {
        public async ValueTask<ProposalSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = New(db, clock, validation, command.Proposal, command.OwnerOrganisationId);
            if (command.FreshStart)
                record.CheckedSteps = "";
            await db.SaveChangesAsync(cancellationToken);
            return ProposalSummary.From(record);
        }
    }

    /// A new record of the current organisation (or of one it works for), version 1, added to
    /// the context (not saved).
    public static ProposalRecord New(FinanceBuilderDbContext db, TimeProvider clock, ProposalValidation validation, Proposal proposal, Guid? owner = null)
    {
        // Pages check the choice and answer with a message; this is the last line against a
        // caller that did not.
        if (owner is { } chosen && !db.Access.ProposalOrganisationIds.Contains(chosen))
            throw new InvalidOperationException("A proposal can only be created for an organisation this person works for.");
        // A copy or a file brings no stored file of its own (the files stay with their proposal).
        Storage.AttachedFiles.Forget(proposal);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ProposalRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerOrganisationId = owner ?? db.Access.OrganisationId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        ProposalColumns.Write(record, proposal, validation.Validate(proposal));
        db.Proposals.Add(record);
        return record;
    }
}
