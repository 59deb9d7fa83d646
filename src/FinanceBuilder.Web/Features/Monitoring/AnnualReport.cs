using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Monitoring;

/// One year's annual performance report as every reader of it sees it — the round's read-only
/// pages, the donor's view and the APR documents: the indicators due with their values against
/// baseline and targets, the money received and spent against the approved amounts, co-financing,
/// action plans, risks, and the checks of the report (ReportChecks). Worked out once here from the
/// stored rounds; the pages and the documents only lay it out.
public sealed class AnnualReport
{
    public required string Title { get; init; }
    public required int Year { get; init; }
    public required MonitoredProject Project { get; init; }
    public required ReportingRound Round { get; init; }
    public required IReadOnlyList<IndicatorLine> Indicators { get; init; }
    public required IReadOnlyList<DisbursementLine> Disbursements { get; init; }
    public required IReadOnlyList<SpendingLine> Spending { get; init; }
    public required IReadOnlyList<CoFinancingLine> CoFinancing { get; init; }
    public required IReadOnlyList<ActionLine> Actions { get; init; }
    public required IReadOnlyList<RiskLine> Risks { get; init; }
    public required IReadOnlyList<(int Year, decimal Cumulative)> DisbursementCurve { get; init; }
    public required int Corrections { get; init; }
    public IReadOnlyList<ReportFinding> Findings { get; private set; } = [];

    public ApprovalRecord Approval => Project.Approval;
    public decimal ApprovedUsd => Project.Amounts.Sum(a => a.Usd);
    public decimal DisbursedThisYear => Disbursements.Sum(d => d.Data.Usd);
    public decimal DisbursedToDate => DisbursementCurve.LastOrDefault(p => p.Year <= Year).Cumulative;
    public bool HasErrors => Findings.Any(f => f.Severity == Rules.Severity.Error);

    /// An indicator of the plan: this year's value if any, the last year's, how many times this
    /// year's was corrected, and its values year by year up to this report.
    public sealed record IndicatorLine(MonitoredIndicator Indicator, bool Due, IndicatorValue? Value, IndicatorValue? Previous, int Corrections, IReadOnlyList<(int Year, decimal Value)> Series, string? EvidenceName)
    {
        /// The target on a year's path: the baseline, the mid-term target halfway, the final
        /// target at the end, joined by straight lines; null where the plan gives no target.
        public decimal? TargetIn(int year, ApprovalRecord approval)
        {
            var points = new List<(int Year, decimal Value)>();
            if (Indicator.BaselineValue is { } baseline)
                points.Add((Math.Min(Indicator.BaselineYear ?? approval.FirstYear, approval.FirstYear), baseline));
            if (Indicator.MidTermTarget is { } mid)
                points.Add((MonitoringPlan.MidTermYear(approval), mid));
            if (Indicator.FinalTarget is { } final)
                points.Add((Math.Max(Indicator.TargetYear ?? approval.LastYear, approval.LastYear), final));
            points = [.. points.OrderBy(p => p.Year).DistinctBy(p => p.Year)];
            if (points.Count == 0)
                return null;
            if (year <= points[0].Year)
                return points[0].Value;
            for (var i = 1; i < points.Count; i++)
            {
                if (year <= points[i].Year)
                {
                    var (y0, v0) = points[i - 1];
                    var (y1, v1) = points[i];
                    return Math.Round(v0 + ((v1 - v0) * (year - y0) / (y1 - y0)), 2);
                }
            }
            return points[^1].Value;
        }
    }

    public sealed record DisbursementLine(RoundEntry Entry, DisbursementData Data);

    public sealed record SpendingLine(PlannedComponent Component, decimal GcfThisYear, decimal CoFinancingThisYear, decimal GcfToDate, decimal CoFinancingToDate);

    public sealed record CoFinancingLine(PlannedCoFinancier CoFinancier, decimal ThisYear, decimal ToDate);

    public sealed record ActionLine(string Key, ActionPlanKind Plan, string Text, ActionData? Status);

    public sealed record RiskLine(PlannedRisk Risk, RiskData? Now);

    /// The report of <paramref name="year"/>; <paramref name="files"/> names the evidence files.
    public static AnnualReport For(MonitoredProject project, int year, string title, IReadOnlyDictionary<Guid, string> files)
    {
        var round = project.Round(year) ?? throw new ArgumentOutOfRangeException(nameof(year));
        var values = project.Values;
        var indicators = project.Indicators.Select(i =>
        {
            var value = values.Current(i.Id, year);
            var series = values.Series(i.Id).Where(v => v.Year <= year && v.Value is not null).Select(v => (v.Year, v.Value!.Value)).ToList();
            return new IndicatorLine(i, MonitoringPlan.IsDue(i, project.Approval, year), value, values.LastBefore(i.Id, year),
                Math.Max(0, values.Chain(i.Id, year).Count - 1), series,
                value?.EvidenceFileId is { } file ? files.GetValueOrDefault(file) : null);
        }).ToList();

        var entries = project.Entries;
        var disbursements = entries.Standing(year, EntrySection.Disbursement)
            .Select(e => new DisbursementLine(e, RoundEntryData.Read<DisbursementData>(e)))
            .OrderBy(d => d.Data.ReceivedOn).ToList();
        var curve = new List<(int, decimal)>();
        var running = 0m;
        for (var y = project.Approval.FirstYear; y <= project.Approval.LastYear; y++)
        {
            running += entries.Standing(y, EntrySection.Disbursement).Sum(e => RoundEntryData.Read<DisbursementData>(e).Usd);
            curve.Add((y, running));
        }
        ExpenditureData Spent(RoundEntry e) => RoundEntryData.Read<ExpenditureData>(e);
        var spending = project.Plan.Components.Select(c =>
        {
            var thisYear = entries.Standing(year, EntrySection.Expenditure).Where(e => e.Key == c.Id).Select(Spent).FirstOrDefault();
            var toDate = entries.UpTo(year, EntrySection.Expenditure).Where(e => e.Key == c.Id).Select(Spent).ToList();
            return new SpendingLine(c, thisYear?.GcfUsd ?? 0, thisYear?.CoFinancingUsd ?? 0, toDate.Sum(d => d.GcfUsd ?? 0), toDate.Sum(d => d.CoFinancingUsd ?? 0));
        }).ToList();
        var cofinancing = project.Plan.CoFinanciers.Select(c => new CoFinancingLine(c,
            entries.Standing(year, EntrySection.CoFinancing).Where(e => e.Key == c.Id).Sum(e => RoundEntryData.Read<CoFinancingData>(e).Usd),
            entries.UpTo(year, EntrySection.CoFinancing).Where(e => e.Key == c.Id).Sum(e => RoundEntryData.Read<CoFinancingData>(e).Usd))).ToList();
        var actions = project.ActionItems(year)
            .Select(a => new ActionLine(a.Key, a.Plan, a.Text,
                entries.Current(year, EntrySection.Action, a.Key) is { Withdrawn: false } e ? RoundEntryData.Read<ActionData>(e) : null))
            .ToList();
        var risks = project.Plan.Risks.Select(r => new RiskLine(r,
            entries.Current(year, EntrySection.Risk, r.Key) is { Withdrawn: false } e ? RoundEntryData.Read<RiskData>(e) : null)).ToList();

        var report = new AnnualReport
        {
            Title = title,
            Year = year,
            Project = project,
            Round = round,
            Indicators = indicators,
            Disbursements = disbursements,
            Spending = spending,
            CoFinancing = cofinancing,
            Actions = actions,
            Risks = risks,
            DisbursementCurve = curve,
            Corrections = indicators.Sum(i => i.Corrections) + entries.Corrections(year),
        };
        report.Findings = ReportChecks.Run(report);
        return report;
    }
}
