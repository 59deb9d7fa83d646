using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Proposals;

/// Copies a proposal into its stored record: the canonical JSON plus the listing columns,
/// so the two can never disagree.
public static class ProposalColumns
{
    public static void Write(ProposalRecord record, Proposal proposal)
    {
        record.Document = ProposalJson.Serialize(proposal);
        record.SchemaVersion = proposal.SchemaVersion;
        record.Title = proposal.Basics.Title;
        record.Fund = JsonNamingPolicy.CamelCase.ConvertName(proposal.Target.Fund.ToString());
        record.Route = proposal.Target.Route is { } route ? JsonNamingPolicy.CamelCase.ConvertName(route.ToString()) : null;
        record.Language = JsonNamingPolicy.CamelCase.ConvertName(proposal.Language.ToString());
    }
}
