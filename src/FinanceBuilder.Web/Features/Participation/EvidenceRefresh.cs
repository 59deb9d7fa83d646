using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation;

/// After a participation record changed: the proposal's evidence column (EngagementEvidence) is
/// written again, and so are the home list's figures (readiness counts R-067's findings), so the
/// list never disagrees with the proposal's own pages. Neither the document nor its version is
/// touched: nobody typing in the wizard meets a conflict because a moderator published comments.
public sealed class EvidenceRefresh(FinanceBuilderDbContext db, ProposalValidation validation, TimeProvider clock)
{
    public async Task AfterChangeAsync(Guid proposalId, CancellationToken ct)
    {
        // Read with the inputs for the groups they came from, then kept without them: the summary
        // carries counts and groups, never what people wrote.
        var read = await EngagementRecords.LoadAsync(db, proposalId, withInputs: true, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var evidence = read with { GroupsHeard = [.. (read.Heard ?? []).Select(h => h.Group).OfType<StakeholderGroup>().Distinct().Order()], Heard = null };
        var summary = evidence.Write();
        var stored = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => new { p.Document, p.Version }).FirstOrDefaultAsync(ct);
        if (stored is null)
            return;
        var proposal = ProposalJson.FromStored(stored.Document);
        EngagementEvidence.Attach(proposal, evidence);
        var columns = new ProposalRecord();
        ProposalColumns.Write(columns, proposal, validation.Validate(proposal));
        // The list's figures only if the document is still the one just checked; the evidence always.
        var written = await db.Proposals.Where(p => p.Id == proposalId && p.Version == stored.Version).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Engagement, summary)
            .SetProperty(p => p.ListingSectionsDone, columns.ListingSectionsDone)
            .SetProperty(p => p.ListingSectionsTotal, columns.ListingSectionsTotal)
            .SetProperty(p => p.ListingReadiness, columns.ListingReadiness)
            .SetProperty(p => p.ListingTargetBoardDate, columns.ListingTargetBoardDate), ct);
        if (written == 0)
            await db.Proposals.Where(p => p.Id == proposalId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Engagement, summary), ct);
    }
}
