using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

public enum ReadinessStatus { NotApplicable, NotStarted, InProgress, HasProblems, Ready }

/// One required answer of the completeness checklist: where it is and whether it is given.
public sealed record ChecklistItem(string Path, TemplateSection Section, InvestmentCriterion? Criterion, Func<Proposal, bool> IsAnswered);

/// Readiness of one section or criterion, with everything that explains the score
/// (docs/readiness.md): what is unanswered, which findings cost how much.
public sealed record ReadinessScore(
    string Name, int Score, ReadinessStatus Status, int Answered, int Required,
    IReadOnlyList<string> Unanswered, int Errors, int OpenWarnings);

/// Completeness (required fields answered) combined with findings into a 0–100 score:
///   score = 100 × answered / required − 15 per error − 5 per unacknowledged warning, floor 0.
/// Status: not started (nothing answered), has problems (any error), ready (all answered, no
/// error, no open warning), in progress otherwise.
public static class Readiness
{
    public const int ErrorPenalty = 15;
    public const int WarningPenalty = 5;

    /// Readiness at submission, one number for the donors' list: the mean of the six investment
    /// criteria's readiness scores (each 0–100, below), rounded. The criteria rather
    /// than the sections, because the criteria are what a donor scores.
    public static int? Overall(ValidationReport report) =>
        report.Criteria.Count == 0 ? null : (int)Math.Round(report.Criteria.Average(c => c.Score), MidpointRounding.AwayFromZero);

    public static IReadOnlyList<ReadinessScore> BySection(Proposal proposal, IReadOnlyList<Finding> findings, Route route) =>
        Enum.GetValues<TemplateSection>()
            .Select(section => Score(section.ToString(), proposal, Checklist.For(route).Where(i => i.Section == section), findings.Where(f => f.Section == section)))
            .ToList();

    public static IReadOnlyList<ReadinessScore> ByCriterion(Proposal proposal, IReadOnlyList<Finding> findings, Route route) =>
        Enum.GetValues<InvestmentCriterion>()
            .Select(criterion => Score(criterion.ToString(), proposal, Checklist.For(route).Where(i => i.Criterion == criterion), findings.Where(f => f.Criterion == criterion)))
            .ToList();

    private static ReadinessScore Score(string name, Proposal proposal, IEnumerable<ChecklistItem> items, IEnumerable<Finding> findings)
    {
        var list = items.ToList();
        var unanswered = list.Where(i => !i.IsAnswered(proposal)).Select(i => i.Path).ToList();
        var answered = list.Count - unanswered.Count;
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning && f.Acknowledged is null);
        var completeness = list.Count == 0 ? 100 : 100 * answered / list.Count;
        var score = Math.Max(0, completeness - ErrorPenalty * errors - WarningPenalty * warnings);
        var status = list.Count == 0 && errors == 0 && warnings == 0 ? ReadinessStatus.NotApplicable
            : answered == 0 && list.Count > 0 ? ReadinessStatus.NotStarted
            : errors > 0 ? ReadinessStatus.HasProblems
            : unanswered.Count == 0 && warnings == 0 ? ReadinessStatus.Ready
            : ReadinessStatus.InProgress;
        return new ReadinessScore(name, score, status, answered, list.Count, unanswered, errors, warnings);
    }
}
