using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// An approved project as the monitoring pages read it: the approval, the plan, the rounds and
/// every value and line entered, in five queries through the context's filters (so another organisation's
/// project is simply not there), once per request.
public sealed class MonitoredProject
{
    public required ApprovalRecord Approval { get; init; }
    public required IReadOnlyList<MonitoredIndicator> Indicators { get; init; }
    public required IReadOnlyList<ReportingRound> Rounds { get; init; }
    public required ValueHistory Values { get; init; }
    public required EntryHistory Entries { get; init; }
    public required ApprovedPlan Plan { get; init; }

    public IReadOnlyList<ApprovedAmount> Amounts => ApprovedAmounts.Read(Approval.ApprovedAmounts);

    public ReportingRound? Round(int year) => Rounds.FirstOrDefault(r => r.Year == year);

    public IEnumerable<MonitoredIndicator> DueIn(int year) => Indicators.Where(i => MonitoringPlan.IsDue(i, Approval, year));

    /// The action-plan items reported on up to <paramref name="year"/>: the approved gender
    /// actions, then the environmental and social measures the team added in a round, with their
    /// text as last written, in the order they were added.
    public IReadOnlyList<(string Key, ActionPlanKind Plan, string Text)> ActionItems(int year)
    {
        var items = Plan.Actions.Select(a => (a.Key, a.Plan, a.Text)).ToList();
        var added = Entries.UpTo(year, EntrySection.Action, withdrawn: true)
            .Where(e => items.All(i => i.Key != e.Key))
            .GroupBy(e => e.Key)
            .Select(g => (g.Key, ActionPlanKind.Environmental, RoundEntryData.Read<ActionData>(g.OrderByDescending(e => e.Year).ThenByDescending(e => e.Id).First()).Label ?? g.Key))
            .OrderBy(i => i.Key.Length).ThenBy(i => i.Key, StringComparer.Ordinal);
        return [.. items, .. added];
    }

    public static async Task<MonitoredProject?> LoadAsync(FinanceBuilderDbContext db, Guid proposalId, CancellationToken ct)
    {
        var approval = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.ProposalId == proposalId, ct);
        if (approval is null)
            return null;
        var indicators = await db.MonitoredIndicators.AsNoTracking().Where(i => i.ApprovalId == approval.Id).OrderBy(i => i.Position).ToListAsync(ct);
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.ApprovalId == approval.Id).OrderBy(r => r.Year).ToListAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.ProposalId == proposalId).OrderBy(v => v.Id).ToListAsync(ct);
        var entries = await db.RoundEntries.AsNoTracking().Where(e => e.ProposalId == proposalId).OrderBy(e => e.Id).ToListAsync(ct);
        return new MonitoredProject
        {
            Approval = approval,
            Indicators = indicators,
            Rounds = rounds,
            Values = new ValueHistory(values),
            Entries = new EntryHistory(entries),
            Plan = ApprovedPlan.Read(approval.Plan),
        };
    }
}
