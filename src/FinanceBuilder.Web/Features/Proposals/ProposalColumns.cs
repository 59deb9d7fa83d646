using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Home;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Proposals;

/// Copies a proposal into its stored record: the canonical JSON plus the listing columns,
/// so the two can never disagree. The checks run here are the home list's progress and readiness.
public static class ProposalColumns
{
    /// <param name="report">The checks of this very proposal, run once by the caller (design D14).</param>
    public static void Write(ProposalRecord record, Proposal proposal, ValidationReport report)
    {
        record.Document = ProposalJson.Serialize(proposal);
        record.SchemaVersion = proposal.SchemaVersion;
        record.Title = proposal.Basics.Title;
        record.Fund = JsonNamingPolicy.CamelCase.ConvertName(proposal.Target.Fund.ToString());
        record.Route = proposal.Target.Route is { } route ? JsonNamingPolicy.CamelCase.ConvertName(route.ToString()) : null;
        record.Language = JsonNamingPolicy.CamelCase.ConvertName(proposal.Language.ToString());
        var row = ProposalRows.Compute(proposal, report);
        record.ListingSectionsDone = row.SectionsDone;
        record.ListingSectionsTotal = row.Sections;
        record.ListingReadiness = row.Readiness;
        record.ListingTargetBoardDate = row.TargetBoardDate;
    }
}
