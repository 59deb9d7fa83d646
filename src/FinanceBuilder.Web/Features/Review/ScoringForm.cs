using System.Globalization;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Rules;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Review;

/// A scoring sheet as the form posts it, for a reviewer's own sheet and for the organisation's
/// decision alike. Scores arrive as text so that "0", "6" or "x" get the sheet's own message
/// rather than a binder's.
public sealed class ScoringForm
{
    public const int MaxSummaryLength = 8000;

    public List<Row> Scores { get; set; } = [];
    public ReviewRecommendation? Recommendation { get; set; }
    public string? Summary { get; set; }
    /// The stored sheet's version the reviewer started from; null for a new sheet.
    public int? Version { get; set; }

    public sealed class Row
    {
        public string? Score { get; set; }
        public string? Comment { get; set; }
    }

    public static ScoringForm From(string? scores, ReviewRecommendation? recommendation, string? summary, int? version) => new()
    {
        Scores = ReviewScores.Read(scores ?? "[]").Select(s => new Row { Score = s.Score?.ToString(CultureInfo.InvariantCulture), Comment = s.Comment }).ToList(),
        Recommendation = recommendation,
        Summary = summary,
        Version = version,
    };

    public static ScoringForm From(ReviewRecord? review) => From(review?.Scores, review?.Recommendation, review?.Summary, review?.Version);

    public static ScoringForm From(ReviewerSheet sheet) => From(sheet.Scores, sheet.Recommendation, sheet.Summary, sheet.Version);

    /// The six rows in the funder's order, whatever was posted.
    public IReadOnlyList<CriterionScore> ToScores() =>
        Enum.GetValues<InvestmentCriterion>().Select((c, i) =>
        {
            var row = i < Scores.Count ? Scores[i] : new Row();
            return new CriterionScore(c, int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null, string.IsNullOrWhiteSpace(row.Comment) ? null : row.Comment.Trim());
        }).ToList();

    public string? TrimmedSummary => string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();

    /// A problem of the sheet, and the field it links to when there is one.
    public sealed record Error(string Message, string? Anchor);

    /// The validator's failures as the page lists them, each linked to its field when it has one.
    public static IReadOnlyList<Error> Errors(FluentValidation.Results.ValidationResult result) =>
        result.Errors.Select(e => new Error(e.ErrorMessage, e.PropertyName.StartsWith("score-", StringComparison.Ordinal) || e.PropertyName.StartsWith("rec-", StringComparison.Ordinal) ? e.PropertyName : null))
            .DistinctBy(e => e.Message).ToList();

    /// Saving checks the form; releasing a decision or handing in a sheet (complete) also needs
    /// every score and a recommendation.
    public sealed class Validator : AbstractValidator<ScoringForm>
    {
        public Validator(bool complete, string incompleteKey = "Error.ReleaseIncomplete")
        {
            var criteria = Enum.GetValues<InvestmentCriterion>();
            RuleFor(s => s.Scores.Count).LessThanOrEqualTo(criteria.Length).WithMessage(_ => ReviewText.Texts["Error.Rows"]);
            RuleForEach(s => s.Scores).Custom((row, context) =>
            {
                var index = context.PropertyPath.Length > 0 ? ParseIndex(context.PropertyPath) : 0;
                var name = index < criteria.Length ? FinanceBuilder.Web.Proposals.Text.ProposalText.Enum(criteria[index]) : "";
                if (!string.IsNullOrWhiteSpace(row.Score)
                    && !(int.TryParse(row.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= ReviewScores.MinScore and <= ReviewScores.MaxScore))
                    context.AddFailure("Score", ReviewText.Texts["Error.Score", name, ReviewScores.MinScore, ReviewScores.MaxScore]);
                if (row.Comment?.Length > ReviewScores.MaxCommentLength)
                    context.AddFailure("Comment", ReviewText.Texts["Error.Comment", name, ReviewScores.MaxCommentLength]);
                else if (Localization.TypedText.Problem(row.Comment, multiLine: true, name) is { } refused)
                    context.AddFailure("Comment", refused);
            });
            RuleFor(s => s.Summary).MaximumLength(MaxSummaryLength)
                .WithMessage(_ => ReviewText.Texts["Error.Summary", MaxSummaryLength]);
            RuleFor(s => s.Summary).Must(t => Localization.TypedText.IndexOfRefused(t, multiLine: true) < 0)
                .WithMessage(s => Localization.TypedText.Problem(s.Summary, multiLine: true, ReviewText.Texts["Sheet.Summary"])!);
            RuleFor(s => s.Recommendation).IsInEnum().WithMessage(_ => ReviewText.Texts["Error.Recommendation"]);
            if (complete)
            {
                // One line saying what is missing, then one linked line per missing answer, so
                // the reviewer lands on each gap instead of searching a long sheet.
                RuleFor(s => s).Custom((s, context) =>
                {
                    var scores = s.ToScores();
                    if (scores.All(c => c.Score is not null) && s.Recommendation is not null)
                        return;
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("", ReviewText.Texts[incompleteKey]));
                    for (var i = 0; i < scores.Count; i++)
                    {
                        if (scores[i].Score is null)
                            context.AddFailure(new FluentValidation.Results.ValidationFailure($"score-{i}-1", ReviewText.Texts["Error.ScoreMissing", FinanceBuilder.Web.Proposals.Text.ProposalText.Enum(scores[i].Criterion)]));
                    }
                    if (s.Recommendation is null)
                        context.AddFailure(new FluentValidation.Results.ValidationFailure("rec-" + ReviewRecommendation.Endorse, ReviewText.Texts["Error.RecommendationMissing"]));
                });
            }
        }

        private static int ParseIndex(string path)
        {
            var open = path.LastIndexOf('[');
            var close = path.LastIndexOf(']');
            return open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        }
    }
}
