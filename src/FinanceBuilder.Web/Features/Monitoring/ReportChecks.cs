using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Monitoring;

/// A problem an annual performance report has: the check's id (APR-01…, docs/rules.md), how
/// serious, the indicator or line it is about, and its message key and arguments (MonitoringText
/// "ReportCheck.APR-01…"), so that the page and the document say it in their own language.
public sealed record ReportFinding(string Id, Severity Severity, string? Subject, string Key, IReadOnlyList<object> Arguments)
{
    public string Message(System.Globalization.CultureInfo culture) =>
        MonitoringText.Texts.Format(culture, Key, [.. Arguments.Select(a => a is Enum e ? Web.Proposals.Text.ProposalText.Get($"Enum.{e.GetType().Name}.{e}", culture) : a)]);
}

/// The checks of an annual performance report, each a small class with its id (docs/rules.md):
/// the report's pages and documents show what they find, and a report with an error is a draft.
public static class ReportChecks
{
    public static readonly IReadOnlyList<IReportCheck> All = [new EveryDueIndicatorAnswered(), new MoneyReconciles(), new RunningTotalsNeverFall()];

    public static IReadOnlyList<ReportFinding> Run(AnnualReport report) => [.. All.SelectMany(c => c.Evaluate(report))];
}

public interface IReportCheck
{
    string Id { get; }

    IEnumerable<ReportFinding> Evaluate(AnnualReport report);
}

/// APR-01: every indicator due this year has a value or the reason it has none.
public sealed class EveryDueIndicatorAnswered : IReportCheck
{
    public string Id => "APR-01";

    public IEnumerable<ReportFinding> Evaluate(AnnualReport report) =>
        report.Indicators.Where(i => i.Due && i.Value is null or { Value: null, MissingReason: null })
            .Select(i => new ReportFinding(Id, Severity.Error, i.Indicator.Code, "ReportCheck.APR-01", [i.Indicator.Code, report.Year]));
}

/// APR-02: the money adds up — no more disbursed than approved, in total and per instrument
/// (errors); no more of the funder's money spent than received, no component spending more of it
/// than its approved budget, and no co-financier giving more than it committed (warnings:
/// possible, but a reviewer asks why); the components' approved GCF budget adds up to the
/// approved amounts, to the dollar, since spending is read against it; and the final year's
/// report says what of the approved amount was never disbursed.
public sealed class MoneyReconciles : IReportCheck
{
    public string Id => "APR-02";

    public IEnumerable<ReportFinding> Evaluate(AnnualReport report)
    {
        var entries = report.Project.Entries;
        var disbursed = entries.UpTo(report.Year, EntrySection.Disbursement).Select(RoundEntryData.Read<DisbursementData>).ToList();
        var total = disbursed.Sum(d => d.Usd);
        if (total > report.ApprovedUsd)
            yield return new ReportFinding(Id, Severity.Error, null, "ReportCheck.APR-02.Total", [total, report.ApprovedUsd]);
        foreach (var amount in report.Project.Amounts)
        {
            var byInstrument = disbursed.Where(d => d.Instrument == amount.Instrument).Sum(d => d.Usd);
            if (byInstrument > amount.Usd)
                yield return new ReportFinding(Id, Severity.Error, amount.Instrument.ToString(), "ReportCheck.APR-02.Instrument", [amount.Instrument, byInstrument, amount.Usd]);
        }
        var spent = report.Spending.Sum(s => s.GcfToDate);
        if (spent > total)
            yield return new ReportFinding(Id, Severity.Warning, null, "ReportCheck.APR-02.Spent", [spent, total]);
        var components = report.Project.Plan.Components;
        var budgeted = components.Sum(c => c.GcfUsd);
        if (components.Count > 0 && Math.Round(budgeted) != Math.Round(report.ApprovedUsd))
            yield return new ReportFinding(Id, Severity.Warning, null, "ReportCheck.APR-02.Budget", [budgeted, report.ApprovedUsd]);
        foreach (var line in report.Spending.Where(s => s.GcfToDate > s.Component.GcfUsd))
            yield return new ReportFinding(Id, Severity.Warning, line.Component.Id, "ReportCheck.APR-02.Component", [line.Component.Name ?? line.Component.Id, line.GcfToDate, line.Component.GcfUsd]);
        if (report.Year >= report.Approval.LastYear && total < report.ApprovedUsd)
            yield return new ReportFinding(Id, Severity.Warning, null, "ReportCheck.APR-02.Undisbursed", [report.ApprovedUsd - total, report.ApprovedUsd]);
        foreach (var line in report.CoFinancing.Where(c => c.CoFinancier.CommittedUsd is { } committed && c.ToDate > committed))
            yield return new ReportFinding(Id, Severity.Warning, line.CoFinancier.Id, "ReportCheck.APR-02.CoFinancing", [line.CoFinancier.Name ?? line.CoFinancier.Id, line.ToDate, line.CoFinancier.CommittedUsd!.Value]);
    }
}

/// APR-03: a running total never falls below an earlier year's value.
public sealed class RunningTotalsNeverFall : IReportCheck
{
    public string Id => "APR-03";

    public IEnumerable<ReportFinding> Evaluate(AnnualReport report)
    {
        foreach (var line in report.Indicators.Where(i => i.Indicator.Cumulative))
        {
            var highest = (Year: 0, Value: decimal.MinValue);
            foreach (var (year, value) in line.Series)
            {
                if (value < highest.Value)
                {
                    yield return new ReportFinding(Id, Severity.Error, line.Indicator.Code, "ReportCheck.APR-03", [line.Indicator.Code, year, value, highest.Year, highest.Value]);
                    break;
                }
                if (value >= highest.Value)
                    highest = (year, value);
            }
        }
    }
}
