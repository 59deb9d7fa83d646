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
