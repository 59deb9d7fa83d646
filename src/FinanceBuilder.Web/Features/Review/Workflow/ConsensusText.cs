using System.Globalization;

namespace FinanceBuilder.Web.Features.Review.Workflow;

/// The consensus in words, the same on the submission page, the decision form and the comparison.
public static class ConsensusText
{
    /// "3.5 on average (2 to 5, 2 sheets)", and that the reviewers disagree when they do.
    public static string Line(Consensus.Criterion criterion, CultureInfo culture)
    {
        var average = Average(criterion, culture);
        var line = criterion.Lowest == criterion.Highest
            ? ReviewText.Texts.Format(culture, "Consensus.LineSame", average, Sheets(criterion.Count, culture))
            : ReviewText.Texts.Format(culture, "Consensus.Line", average, criterion.Lowest!.Value, criterion.Highest!.Value, Sheets(criterion.Count, culture));
        return criterion.Disagreement ? line + " — " + ReviewText.Texts.Format(culture, "Consensus.Disagree") : line;
    }

    public static string Average(Consensus.Criterion criterion, CultureInfo culture) =>
        criterion.Average is { } a ? a.ToString("0.#", culture) : KeyFigureText.Empty;

    public static string Recommendations(Consensus consensus, CultureInfo culture) =>
        ReviewText.Texts.Format(culture, "Consensus.Recommendations",
            string.Join(", ", consensus.Recommendations.Select(r => $"{KeyFigureText.Recommendation(r.Recommendation, culture)} ({r.Count.ToString(culture)})")));

    private static string Sheets(int count, CultureInfo culture) => ReviewText.Texts.Count(culture, "Consensus.Sheets", count);
}
