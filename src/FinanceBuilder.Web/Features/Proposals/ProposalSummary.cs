using FinanceBuilder.Web.Data;

namespace FinanceBuilder.Web.Features.Proposals;

/// What lists and API acknowledgements show of a stored proposal.
public sealed record ProposalSummary(
    Guid Id, string? Title, string Fund, string? Route, string Status, string Language,
    int Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ProposalSummary From(ProposalRecord r) =>
        new(r.Id, r.Title, r.Fund, r.Route, r.Status.ToString(), r.Language, r.Version, r.CreatedAt, r.UpdatedAt);
}
