using System.Globalization;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The annual report's workbook: every indicator value of every year up to the report (with its
/// corrections, so the history travels with the figures), then disbursements, spending by
/// component and co-financing. Numbers are numbers, in US dollars; headers in the report's language.
public static class AnnualReportSheets
{
    public static IReadOnlyList<TableSheet> For(AnnualReport report, CultureInfo culture)
    {
        var T = MonitoringText.Texts;
        string H(string key) => T.Format(culture, key);
        var values = new List<IReadOnlyList<TableCell>>();
        foreach (var line in report.Indicators)
        {
            foreach (var (year, chain) in report.Project.Values.Chains(line.Indicator.Id).Where(c => c.Year <= report.Year))
            {
                for (var k = 0; k < chain.Count; k++)
                {
                    var v = chain[k];
                    values.Add(
                    [
                        TableCell.Of(line.Indicator.Code), TableCell.Of(line.Indicator.Name), TableCell.Of(line.Indicator.Unit), TableCell.Whole(year),
                        TableCell.Of(v.Value), TableCell.Of(v.Women), TableCell.Of(v.Men), TableCell.Of(line.TargetIn(year, report.Approval)),
                        TableCell.Of(line.Indicator.FinalTarget), TableCell.Of(v.Source), TableCell.Of(v.MeasuredOn), TableCell.Of(v.EvidenceReference),
                        TableCell.Of(v.MissingReason), TableCell.Of(v.Note), TableCell.Of(k == chain.Count - 1 ? H("History.Current") : H("History.Replaced")),
                        TableCell.Of(v.CorrectionReason), TableCell.Of(v.EnteredByName), TableCell.Of(DateOnly.FromDateTime(v.EnteredAt)),
                    ]);
                }
            }
        }
        var disbursements = Enumerable.Range(report.Approval.FirstYear, report.Year - report.Approval.FirstYear + 1)
            .SelectMany(y => report.Project.Entries.Standing(y, Data.Monitoring.EntrySection.Disbursement).Select(e => (Year: y, Data: Data.Monitoring.RoundEntryData.Read<Data.Monitoring.DisbursementData>(e))))
            .Select(d => (IReadOnlyList<TableCell>)[TableCell.Whole(d.Year), TableCell.Of(d.Data.ReceivedOn), TableCell.Of(d.Data.Instrument is { } i ? ProposalText.Get($"Enum.FinancialInstrument.{i}", culture) : null), TableCell.Of(d.Data.Usd), TableCell.Of(d.Data.Reference)])
            .ToList();
        var spending = report.Spending.Select(s => (IReadOnlyList<TableCell>)
        [
            TableCell.Of(s.Component.Id), TableCell.Of(s.Component.Name), TableCell.Of(s.Component.GcfUsd), TableCell.Of(s.Component.CoFinancingUsd),
            TableCell.Of(s.GcfThisYear), TableCell.Of(s.CoFinancingThisYear), TableCell.Of(s.GcfToDate), TableCell.Of(s.CoFinancingToDate),
        ]).ToList();
        var cofinancing = report.CoFinancing.Select(c => (IReadOnlyList<TableCell>)
        [
            TableCell.Of(c.CoFinancier.Name ?? c.CoFinancier.Id), TableCell.Of(ProposalText.Get($"Enum.FinancialInstrument.{c.CoFinancier.Instrument}", culture)),
            TableCell.Of(c.CoFinancier.CommittedUsd), TableCell.Of(c.ThisYear), TableCell.Of(c.ToDate),
        ]).ToList();
        return
        [
            new(H("Sheet.Values"), [H("Plan.Code"), H("Plan.Indicator"), H("Plan.Unit"), H("Round.Year"), H("Round.Value"), H("Round.Women"), H("Round.Men"), H("Report.TargetThisYear"), H("Report.FinalTarget"), H("Round.Source"), H("Round.MeasuredOn"), H("History.Evidence"), H("Round.MissingReason"), H("Round.Note"), H("Sheet.State"), H("History.Reason"), H("Sheet.EnteredBy"), H("History.Entered")], values),
            new(H("Sheet.Disbursements"), [H("Round.Year"), H("Finances.ReceivedOn"), H("Approve.Instrument"), H("Approve.Usd"), H("Finances.Reference")], disbursements),
            new(H("Sheet.Spending"), [H("Plan.Code"), H("Finances.Component"), H("Sheet.ApprovedGcf"), H("Sheet.ApprovedCo"), H("Sheet.GcfYear"), H("Sheet.CoYear"), H("Sheet.GcfToDate"), H("Sheet.CoToDate")], spending),
            new(H("Sheet.CoFinancing"), [H("Finances.CoFinancier"), H("Approve.Instrument"), H("Finances.Committed"), H("Report.ThisYear"), H("Report.ToDate")], cofinancing),
        ];
    }
}
