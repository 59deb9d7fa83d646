using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Review.Workflow;

/// What the reviewers' handed-in sheets say together: per criterion how many scored it, the
/// average, the lowest and highest, and whether they disagree (two points or more apart on the
/// five-point scale, the gap at which a panel talks it over rather than averages it away); the
/// recommendations counted. A reviewer who declared a conflict, or has not handed in, counts for
/// nothing.
public sealed record Consensus(IReadOnlyList<Consensus.Criterion> Criteria, IReadOnlyList<(ReviewRecommendation Recommendation, int Count)> Recommendations, int Submitted, int Excluded, int Pending)
{
    public const int DisagreementSpread = 2;

    public sealed record Criterion(InvestmentCriterion Name, int Count, decimal? Average, int? Lowest, int? Highest)
    {
        public int? Spread => Highest - Lowest;
        public bool Disagreement => Spread >= DisagreementSpread;
        /// The average rounded half up, as a starting point for the decision (never stored as
        /// the decision without a person choosing it).
        public int? Rounded => Average is { } a ? (int)Math.Round(a, MidpointRounding.AwayFromZero) : null;
    }

    public bool RecommendationsDiffer => Recommendations.Count > 1;

    public static Consensus Of(IEnumerable<ReviewerSheet> sheets)
    {
        var all = sheets.ToList();
        var counted = all.Where(s => s.SubmittedAt is not null && s.Conflict == ConflictDeclaration.None).ToList();
        var scores = counted.Select(s => ReviewScores.Read(s.Scores)).ToList();
        var criteria = Enum.GetValues<InvestmentCriterion>().Select(c =>
        {
            var given = scores.Select(list => list.First(x => x.Criterion == c).Score).OfType<int>().ToList();
            return given.Count == 0
                ? new Criterion(c, 0, null, null, null)
                : new Criterion(c, given.Count, Math.Round((decimal)given.Sum() / given.Count, 2), given.Min(), given.Max());
        }).ToList();
        var recommendations = counted.Where(s => s.Recommendation is not null)
            .GroupBy(s => s.Recommendation!.Value)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new Consensus(criteria, recommendations, counted.Count, all.Count(s => s.Excluded), all.Count(s => !s.Excluded && s.SubmittedAt is null));
    }
}
