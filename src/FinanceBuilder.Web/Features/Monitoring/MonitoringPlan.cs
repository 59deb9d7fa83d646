using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The monitoring plan made from an approved version's results framework, and which indicators
/// a year's round asks for.
public static class MonitoringPlan
{
    /// A running total unless said otherwise: the IRMF's people reached, assets made resilient
    /// and hectares under management grow over the years; emission reductions are a year's own.
    public static bool CumulativeByDefault(Indicator indicator) => indicator.IrmfCore is IrmfCore.Core2 or IrmfCore.Core3 or IrmfCore.Core4;

    /// Counts people, so each value is also asked for women and men.
    public static bool CountsPeople(Indicator indicator) =>
        indicator.Disaggregation.BySex || indicator.IrmfCore == IrmfCore.Core2 || indicator.FinalTargetBySex is not null;

    public static List<MonitoredIndicator> From(ResultsFramework framework, ApprovalRecord approval, IReadOnlySet<string> cumulative) =>
        framework.Indicators
            .Where(i => !string.IsNullOrWhiteSpace(i.Code))
            .DistinctBy(i => i.Code, StringComparer.Ordinal)
            .Select((i, position) => new MonitoredIndicator
            {
                Id = Guid.NewGuid(),
                ApprovalId = approval.Id,
                ProposalId = approval.ProposalId,
                OrganisationId = approval.OrganisationId,
                Position = position,
                Code = i.Code,
                Level = i.Level,
                Name = i.Name,
                Unit = i.Unit,
                BaselineValue = i.BaselineValue,
                BaselineYear = i.BaselineYear,
                MidTermTarget = i.MidTermTarget,
                FinalTarget = i.FinalTarget,
                TargetYear = i.TargetYear,
                MeansOfVerification = i.MeansOfVerification,
                Frequency = i.Frequency,
                IrmfCore = i.IrmfCore,
                BySex = CountsPeople(i),
                Cumulative = cumulative.Contains(i.Code),
            })
            .ToList();

    /// The approved version's budget by component, co-financiers, gender action plan and risks,
    /// in US dollars at the version's own exchange rates (an amount with no rate is left out of
    /// the totals rather than guessed).
    public static ApprovedPlan PlanOf(Proposal snapshot)
    {
        var converter = new CurrencyConverter(snapshot.Financing.ExchangeRates);
        var lines = snapshot.Budget.Lines.Select(l => (Line: l, Usd: converter.Convert(l.Amount, "USD") ?? 0m)).ToList();
        var components = snapshot.Components.Select(c =>
        {
            var own = lines.Where(l => l.Line.ComponentId == c.Id).ToList();
            return new PlannedComponent(c.Id, c.Name,
                own.Where(l => l.Line.Source == FundingSourceKind.Gcf).Sum(l => l.Usd),
                own.Where(l => l.Line.Source == FundingSourceKind.CoFinancing).Sum(l => l.Usd),
                own.Where(l => l.Line.Year is not null).GroupBy(l => l.Line.Year!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Usd)));
        }).ToList();
        var cofinanciers = snapshot.Financing.CoFinancing
            .Select(c => new PlannedCoFinancier(c.Id, c.Name, c.Instrument, converter.Convert(c.Amount, "USD"))).ToList();
        var actions = snapshot.Gender.ActionPlan
            .Select((a, i) => new PlannedAction($"g{i + 1}", ActionPlanKind.Gender, a.Action ?? a.Indicator ?? $"{i + 1}", a.End)).ToList();
        var risks = snapshot.Risks
            .Select((r, i) => new PlannedRisk($"r{i + 1}", r.Category, r.Description, r.Probability, r.Impact, r.Mitigation)).ToList();
        return new ApprovedPlan(components, cofinanciers, actions, risks);
    }

    /// The year of the mid-term report: halfway through the reported years.
    public static int MidTermYear(ApprovalRecord approval) => approval.FirstYear + ((approval.LastYear - approval.FirstYear) / 2);

    /// Whether <paramref name="year"/>'s round asks for this indicator: every year unless it is
    /// measured only at mid-term and at the end, or only at the end.
    public static bool IsDue(MonitoredIndicator indicator, ApprovalRecord approval, int year) => indicator.Frequency switch
    {
        Frequency.Final => year == approval.LastYear,
        Frequency.MidTermAndFinal => year == approval.LastYear || year == MidTermYear(approval),
        _ => true,
    };

    /// One round per reported year, each due the agreed number of days after its 31 December.
    public static List<ReportingRound> Rounds(ApprovalRecord approval) =>
        Enumerable.Range(approval.FirstYear, approval.LastYear - approval.FirstYear + 1)
            .Select(year => new ReportingRound
            {
                Id = Guid.NewGuid(),
                ApprovalId = approval.Id,
                ProposalId = approval.ProposalId,
                OrganisationId = approval.OrganisationId,
                Year = year,
                DueOn = DueOn(year, approval.DueDaysAfterYearEnd),
            })
            .ToList();

    public static DateOnly DueOn(int year, int daysAfterYearEnd) => new DateOnly(year, 12, 31).AddDays(daysAfterYearEnd);
}
