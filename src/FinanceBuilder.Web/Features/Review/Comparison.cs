using System.Globalization;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Review;

/// What reviewers compare, one catalogue for the comparison page and its CSV and XLSX exports:
/// the key figures copied at submission, the ratios a GCF reviewer works out by hand (cost per
/// tonne of CO2eq in total and of GCF money, co-financing per GCF dollar, the GCF's share, GCF
/// dollars per direct beneficiary), the duration, and the organisation's scores. A row that has a
/// better direction marks its best and worst values.
public static class Comparison
{
    public enum Better { None, Lower, Higher }

    /// One submission as compared: its stored figures, the applicant's name, the implementation
    /// period read from its frozen document, the reader's organisation's decision, its reviewers'
    /// consensus and where the review stands.
    public sealed record Column(SubmissionRecord Submission, string Applicant, int? ImplementationMonths, ReviewRecord? Review,
        Workflow.Consensus? Consensus = null, ReviewStatus? Status = null)
    {
        public IReadOnlyList<CriterionScore> Scores { get; } = ReviewScores.Read(Review?.Scores ?? "[]");
    }

    /// A row: its label key, which way is better, its value as a number (for the marks and the
    /// spreadsheet) and as the page writes it.
    public sealed record Row(string Label, Better Better, Func<Column, decimal?> Number, Func<Column, CultureInfo, string> Text)
    {
        /// Text rows (names, dates) have no number.
        public bool IsText { get; init; }
        /// Read from the version's frozen document rather than the figures copied at submission:
        /// the comparison has it, the export of the whole list does not open documents.
        public bool FromDocument { get; init; }
    }

    public static IReadOnlyList<Row> Rows { get; } = BuildRows();

    private static List<Row> BuildRows()
    {
        var rows = new List<Row>
        {
            new("Col.Status", Better.None, _ => null, (c, culture) => c.Status is { } st ? ReviewText.Texts.Format(culture, "Status." + st) : KeyFigureText.Empty) { IsText = true },
            new("Col.Applicant", Better.None, _ => null, (c, _) => c.Applicant) { IsText = true },
            new("Col.Version", Better.None, _ => null, (c, _) => c.Submission.VersionLabel) { IsText = true },
            new("Col.Submitted", Better.None, _ => null, (c, culture) => DateText.Time(c.Submission.SubmittedAt, culture)) { IsText = true },
            new("Col.Fund", Better.None, _ => null, (c, culture) => KeyFigureText.Fund(c.Submission.Fund, culture)) { IsText = true },
            new("Col.Route", Better.None, _ => null, (c, culture) => KeyFigureText.Route(c.Submission.Route, culture)) { IsText = true },
            new("Col.Country", Better.None, _ => null, (c, culture) => KeyFigureText.Country(c.Submission.Country, culture)) { IsText = true },
            new("Col.Total", Better.None, c => c.Submission.TotalUsd, (c, culture) => KeyFigureText.Usd(c.Submission.TotalUsd, culture)),
            new("Col.GcfRequest", Better.None, c => c.Submission.GcfRequestUsd, (c, culture) => KeyFigureText.Usd(c.Submission.GcfRequestUsd, culture)),
            new("Col.Tco2", Better.Higher, c => c.Submission.EmissionReductionsTco2, (c, culture) => KeyFigureText.Tonnes(c.Submission.EmissionReductionsTco2, culture)),
            new("Col.Beneficiaries", Better.Higher, c => c.Submission.Beneficiaries, (c, culture) => KeyFigureText.People(c.Submission.Beneficiaries, culture)),
            new("Compare.CostPerTonne", Better.Lower, c => Per(c.Submission.TotalUsd, c.Submission.EmissionReductionsTco2), (c, culture) => Usd(Per(c.Submission.TotalUsd, c.Submission.EmissionReductionsTco2), culture)),
            new("Compare.GcfPerTonne", Better.Lower, c => Per(c.Submission.GcfRequestUsd, c.Submission.EmissionReductionsTco2), (c, culture) => Usd(Per(c.Submission.GcfRequestUsd, c.Submission.EmissionReductionsTco2), culture)),
            new("Compare.CoFinancing", Better.Higher, CoFinancing, (c, culture) => CoFinancing(c) is { } r ? ReviewText.Texts.Format(culture, "Compare.CoFinancingValue", r.ToString("N2", culture)) : KeyFigureText.Empty),
            new("Compare.GcfShare", Better.Lower, GcfShare, (c, culture) => GcfShare(c) is { } s ? s.ToString("P1", culture) : KeyFigureText.Empty),
            new("Compare.GcfPerBeneficiary", Better.Lower, c => Per(c.Submission.GcfRequestUsd, c.Submission.Beneficiaries), (c, culture) => Usd(Per(c.Submission.GcfRequestUsd, c.Submission.Beneficiaries), culture)),
            new("Compare.Duration", Better.None, c => c.ImplementationMonths, (c, culture) => c.ImplementationMonths is { } m ? ReviewText.Texts.Count(culture, "Compare.Months", m) : KeyFigureText.Empty) { FromDocument = true },
            new("Col.Size", Better.None, _ => null, (c, culture) => KeyFigureText.Size(c.Submission.Size, culture)) { IsText = true },
            new("Col.Ess", Better.None, _ => null, (c, culture) => KeyFigureText.Ess(c.Submission.EssCategory, culture)) { IsText = true },
            new("Col.Readiness", Better.Higher, c => c.Submission.Readiness, (c, culture) => KeyFigureText.Percent(c.Submission.Readiness, culture)),
        };
        foreach (var criterion in Enum.GetValues<InvestmentCriterion>())
            rows.Add(new("Criterion." + criterion, Better.Higher, c => Score(c, criterion), (c, culture) => ScoreText(c, criterion, culture)));
        rows.Add(new("Sheet.Recommendation", Better.None, _ => null, (c, culture) => KeyFigureText.Recommendation(c.Review?.Recommendation, culture)) { IsText = true });
        return rows;
    }

    /// The row's label in the reader's language (the criteria are named as the wizard names them).
    public static string Label(Row row, CultureInfo culture) =>
        row.Label.StartsWith("Criterion.", StringComparison.Ordinal)
            ? ProposalText.Enum(Enum.Parse<InvestmentCriterion>(row.Label["Criterion.".Length..]))
            : ReviewText.Texts.Format(culture, row.Label);

    /// Which columns hold the row's best and worst values: none when the row has no better
    /// direction, fewer than two values, or all values alike.
    public static (IReadOnlySet<int> Best, IReadOnlySet<int> Worst) Extremes(Row row, IReadOnlyList<Column> columns)
    {
        var values = columns.Select(row.Number).ToList();
        var present = values.OfType<decimal>().ToList();
        if (row.Better == Better.None || present.Count < 2 || present.Min() == present.Max())
            return (new HashSet<int>(), new HashSet<int>());
        var (best, worst) = row.Better == Better.Lower ? (present.Min(), present.Max()) : (present.Max(), present.Min());
        return (Indexes(values, best), Indexes(values, worst));
    }

    private static HashSet<int> Indexes(List<decimal?> values, decimal value) =>
        values.Select((v, i) => (v, i)).Where(x => x.v == value).Select(x => x.i).ToHashSet();

    private static decimal? Per(decimal? amount, decimal? per) => amount is { } a && per is > 0 ? Math.Round(a / per.Value, 2) : null;

    /// Co-financing per GCF dollar: (total − GCF) ÷ GCF.
    private static decimal? CoFinancing(Column c)
    {
        if (c.Submission.TotalUsd is not { } total || c.Submission.GcfRequestUsd is not { } gcf || gcf <= 0 || total < gcf)
            return null;
        return Math.Round((total - gcf) / gcf, 2);
    }

    /// The GCF's share of the total (0–1).
    private static decimal? GcfShare(Column c)
    {
        if (c.Submission.TotalUsd is not { } total || c.Submission.GcfRequestUsd is not { } gcf || total <= 0)
            return null;
        return Math.Round(gcf / total, 4);
    }

    /// The criterion's consensus: the average of the sheets handed in; before any, the score of the
    /// organisation's decision (a donor that scores as one sheet).
    private static decimal? Score(Column c, InvestmentCriterion criterion) =>
        c.Consensus?.Criteria.First(x => x.Name == criterion) is { Count: > 0 } agreed
            ? agreed.Average
            : c.Scores.FirstOrDefault(s => s.Criterion == criterion)?.Score;

    private static string ScoreText(Column c, InvestmentCriterion criterion, CultureInfo culture)
    {
        if (c.Consensus?.Criteria.First(x => x.Name == criterion) is { Count: > 0 } agreed)
            return Workflow.ConsensusText.Line(agreed, culture);
        return c.Scores.FirstOrDefault(s => s.Criterion == criterion)?.Score is { } score
            ? ReviewText.Texts.Format(culture, "Score." + score)
            : KeyFigureText.Empty;
    }

    private static string Usd(decimal? amount, CultureInfo culture) =>
        amount is { } value ? NumberText.Money(value, "USD", culture, decimals: value < 100 ? 2 : 0) : KeyFigureText.Empty;
}
