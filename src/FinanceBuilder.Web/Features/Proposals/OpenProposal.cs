using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// A proposal of the current organisation, read for editing; null when it is not there for
/// this reader (missing, deleted or another organisation's — the pages answer 404 for all three).
public static class OpenProposal
{
    public sealed record Query(Guid Id) : IRequest<Result?>;

    /// <param name="OwnerOrganisationId">The organisation the proposal belongs to (for an agency,
    /// possibly one it supports): a copy stays with it.</param>
    /// <param name="CheckedSteps">The pages whose checks are shown (see <see cref="Questionnaire.CheckedSteps"/>).</param>
    public sealed record Result(ProposalSummary Summary, Proposal Proposal, Guid OwnerOrganisationId = default, string CheckedSteps = Questionnaire.CheckedSteps.All)
    {
        /// The one rule run of this request.
        public CheckedProposal Check(ProposalValidation validation) =>
            new(Summary, Proposal, validation.Validate(Proposal), OwnerOrganisationId, CheckedSteps);
    }

    public sealed class Handler(FinanceBuilderDbContext db) : IRequestHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
            if (record is null)
                return null;
            var proposal = ProposalJson.FromStored(record.Document);
            EngagementEvidence.Attach(proposal, record.Engagement);
            return new Result(ProposalSummary.From(record), proposal, record.OwnerOrganisationId, record.CheckedSteps);
        }
    }
}
