using System.Globalization;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The annual performance report as the APR pack's templates read it (templates/gcf-apr): every
/// figure formatted here, in the document's language, and every line of the report in the order
/// the document prints it; the templates only lay it out, and user text goes through md.text or
/// md.lines. Charts get raw invariant numbers (…_raw), as the engine's chart block asks.
public static partial class AnnualReportModel
{
    public const string None = "—";

    public static Dictionary<string, object?> For(AnnualReport r, CultureInfo culture, DateOnly generatedOn)
    {
        var f = new ValueFormat(culture, "USD");
        var T = MonitoringText.Texts;
        var a = r.Approval;
        string Number(decimal? v) => v is { } x ? f.Number(x, Decimals(x)) : None;
        string Usd(decimal v) => f.Money(v, "USD");
        string Date(DateOnly? d) => d is null ? None : f.Date(d);
        string Label(Enum e) => ProposalText.Get($"Enum.{e.GetType().Name}.{e}", culture);
        string Share(decimal part, decimal whole) => whole > 0 ? f.Share(part, whole) : None;

        var indicators = r.Indicators.Where(i => i.Due || i.Value is not null).Select(line =>
        {
            var i = line.Indicator;
            var v = line.Value;
            return new Dictionary<string, object?>
            {
                ["code"] = i.Code,
                ["name"] = i.Name ?? "",
                ["unit"] = i.Unit ?? "",
                ["level"] = i.Level.ToString(),
                ["baseline"] = i.BaselineValue is null ? None : Number(i.BaselineValue) + (i.BaselineYear is { } by ? $" ({by.ToString(CultureInfo.InvariantCulture)})" : ""),
                ["target_year"] = Number(line.TargetIn(r.Year, a)),
                ["mid_term"] = Number(i.MidTermTarget),
                ["final"] = Number(i.FinalTarget),
                ["actual"] = v is null ? None : v.Value is null ? T.Format(culture, "Round.NoValue") : Number(v.Value),
                // "women 6,500 · men 5,900": each label kept with its figure on one line.
                ["by_sex"] = v?.Women is null && v?.Men is null ? "" : KeepWithFigure(T.Format(culture, "History.BySex", Number(v!.Women), Number(v.Men))),
                ["previous"] = line.Previous is { Value: { } p } prev ? $"{Number(p)} ({prev.Year.ToString(CultureInfo.InvariantCulture)})" : None,
                ["missing_reason"] = v?.MissingReason ?? "",
                ["source"] = v?.Source ?? "",
                ["measured_on"] = v?.MeasuredOn is { } m ? Date(m) : "",
                ["evidence"] = string.Join("; ", new[] { line.EvidenceName, v?.EvidenceReference }.OfType<string>()),
                ["note"] = v?.Note ?? "",
                ["corrections"] = line.Corrections > 0 ? T.Count(culture, "Report.Corrected", line.Corrections) : "",
                ["means_of_verification"] = i.MeansOfVerification ?? "",
                ["cumulative"] = i.Cumulative,
                // A line needs two years. The impacts and the IRMF core indicators are charted, as the
                // funder reads them first; the other rows are read in their table (a chart each for
                // 40 indicators would be 20 pages of lines).
                ["charted"] = line.Series.Count >= 2 && (i.Level == ResultLevel.Impact || i.IrmfCore is not null),
                ["series"] = line.Series.Select(s => new Dictionary<string, object?>
                {
                    ["year"] = s.Year.ToString(CultureInfo.InvariantCulture),
                    ["actual_raw"] = ValueFormat.Raw(s.Value),
                    ["target_raw"] = line.TargetIn(s.Year, a) is { } t ? ValueFormat.Raw(t) : ValueFormat.Raw(s.Value),
                }).ToList(),
            };
        }).ToList();

        var levels = Enum.GetValues<ResultLevel>()
            .Select(level => new Dictionary<string, object?>
            {
                ["name"] = ProposalText.Get($"Enum.ResultLevel.{level}", culture),
                ["indicators"] = indicators.Where(i => (string)i["level"]! == level.ToString()).ToList(),
            })
            .Where(l => ((List<Dictionary<string, object?>>)l["indicators"]!).Count > 0)
            .ToList();

        return new Dictionary<string, object?>
        {
            ["title"] = r.Title,
            ["year"] = r.Year.ToString(CultureInfo.InvariantCulture),
            ["version"] = Data.Submissions.SubmissionRecord.FormatVersion(a.SubmissionNumber),
            ["board_meeting"] = a.BoardMeeting,
            ["approved_on"] = Date(a.ApprovedOn),
            ["effective_on"] = Date(a.EffectiveOn),
            ["period"] = $"{Date(new DateOnly(r.Year, 1, 1))} – {Date(new DateOnly(r.Year, 12, 31))}",
            ["due_on"] = Date(r.Round.DueOn),
            ["generated_on"] = Date(generatedOn),
            ["reported_years"] = $"{a.FirstYear.ToString(CultureInfo.InvariantCulture)}–{a.LastYear.ToString(CultureInfo.InvariantCulture)}",
            ["amounts"] = r.Project.Amounts.Select(x => new Dictionary<string, object?> { ["instrument"] = Label(x.Instrument), ["usd"] = Usd(x.Usd) }).ToList(),
            ["approved_total"] = Usd(r.ApprovedUsd),
            ["levels"] = levels,
            ["has_indicators"] = indicators.Count > 0,
            ["indicators_due"] = r.Indicators.Count(i => i.Due).ToString(CultureInfo.InvariantCulture),
            ["indicators_reported"] = r.Indicators.Count(i => i.Due && i.Value is not null).ToString(CultureInfo.InvariantCulture),
            ["disbursements"] = r.Disbursements.Select(d => new Dictionary<string, object?>
            {
                ["date"] = Date(d.Data.ReceivedOn),
                ["instrument"] = d.Data.Instrument is { } inst ? Label(inst) : None,
                ["usd"] = Usd(d.Data.Usd),
                ["reference"] = d.Data.Reference ?? "",
            }).ToList(),
            ["has_disbursements"] = r.Disbursements.Count > 0,
            ["disbursed_year"] = Usd(r.DisbursedThisYear),
            ["disbursed_to_date"] = Usd(r.DisbursedToDate),
            ["disbursed_share"] = Share(r.DisbursedToDate, r.ApprovedUsd),
            ["has_curve"] = r.DisbursementCurve.Count(p => p.Year <= r.Year) >= 2,
            ["curve"] = r.DisbursementCurve.Where(p => p.Year <= r.Year).Select(p => new Dictionary<string, object?>
            {
                ["year"] = p.Year.ToString(CultureInfo.InvariantCulture),
                ["cumulative_raw"] = ValueFormat.Raw(p.Cumulative),
                ["approved_raw"] = ValueFormat.Raw(r.ApprovedUsd),
            }).ToList(),
            ["spending"] = r.Spending.Select(s => new Dictionary<string, object?>
            {
                ["component"] = $"{s.Component.Id} {s.Component.Name}".Trim(),
                ["approved_gcf"] = Usd(s.Component.GcfUsd),
                ["approved_co"] = Usd(s.Component.CoFinancingUsd),
                ["gcf_year"] = Usd(s.GcfThisYear),
                ["co_year"] = Usd(s.CoFinancingThisYear),
                ["gcf_to_date"] = Usd(s.GcfToDate),
                ["co_to_date"] = Usd(s.CoFinancingToDate),
                ["used"] = Share(s.GcfToDate + s.CoFinancingToDate, s.Component.GcfUsd + s.Component.CoFinancingUsd),
            }).ToList(),
            ["has_spending"] = r.Spending.Count > 0,
            ["cofinancing"] = r.CoFinancing.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.CoFinancier.Name ?? c.CoFinancier.Id,
                ["instrument"] = Label(c.CoFinancier.Instrument),
                ["committed"] = c.CoFinancier.CommittedUsd is { } committed ? Usd(committed) : None,
                ["year"] = Usd(c.ThisYear),
                ["to_date"] = Usd(c.ToDate),
            }).ToList(),
            ["has_cofinancing"] = r.CoFinancing.Count > 0,
            ["actions"] = r.Actions.Select(x => new Dictionary<string, object?>
            {
                ["plan"] = T.Format(culture, "Plan." + x.Plan),
                ["text"] = x.Text,
                ["status"] = x.Status is { } st ? T.Format(culture, "Status." + st.Status) : T.Format(culture, "Report.NoStatus"),
                ["note"] = x.Status?.Note ?? "",
            }).ToList(),
            ["has_actions"] = r.Actions.Count > 0,
            ["risks"] = r.Risks.Select(x => new Dictionary<string, object?>
            {
                ["category"] = Label(x.Risk.Category),
                ["description"] = x.Risk.Description ?? "",
                ["at_approval"] = T.Format(culture, "Finances.Rating", x.Risk.Probability is { } p0 ? Label(p0) : None, x.Risk.Impact is { } i0 ? Label(i0) : None),
                ["now"] = x.Now is { } now ? T.Format(culture, "Finances.Rating", now.Probability is { } p ? Label(p) : None, now.Impact is { } i ? Label(i) : None) : T.Format(culture, "Report.NotUpdated"),
                ["note"] = x.Now?.Note ?? "",
            }).ToList(),
            ["has_risks"] = r.Risks.Count > 0,
            ["findings"] = r.Findings.Select(x => new Dictionary<string, object?>
            {
                ["id"] = x.Id,
                ["severity"] = ProposalText.Get($"Enum.Severity.{x.Severity}", culture),
                ["message"] = x.Message(culture),
            }).ToList(),
            ["has_findings"] = r.Findings.Count > 0,
            ["corrections"] = r.Corrections.ToString(CultureInfo.InvariantCulture),
            ["has_evidence"] = r.Indicators.Any(i => i.EvidenceName is not null || i.Value?.EvidenceReference is not null),
            ["evidence"] = r.Indicators.Where(i => i.EvidenceName is not null || i.Value?.EvidenceReference is not null)
                .Select(i => new Dictionary<string, object?> { ["code"] = i.Indicator.Code, ["evidence"] = string.Join("; ", new[] { i.EvidenceName, i.Value?.EvidenceReference }.OfType<string>()) }).ToList(),
        };
    }

    private static string KeepWithFigure(string text) => LabelBeforeFigure().Replace(text, "$1\u00A0$2");

    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{L}) (\d)")]
    private static partial System.Text.RegularExpressions.Regex LabelBeforeFigure();

    /// Whole numbers as whole numbers; a measured share or rate with its decimals (two at most).
    private static int Decimals(decimal value) => value == decimal.Truncate(value) ? 0 : Math.Round(value, 1) == value ? 1 : 2;
}
