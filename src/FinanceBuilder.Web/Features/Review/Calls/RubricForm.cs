using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Review.Calls;

/// A call's rubric as its form posts it: per criterion the guidance, the factors (one per line)
/// and the five levels, in English and French. Turned into a Rubric only once every text passes.
public sealed class RubricForm
{
    public List<CriterionForm> Criteria { get; set; } = [];

    public sealed class CriterionForm
    {
        public string? GuidanceEn { get; set; }
        public string? GuidanceFr { get; set; }
        public string? FactorsEn { get; set; }
        public string? FactorsFr { get; set; }
        public List<string?> LevelsEn { get; set; } = [];
        public List<string?> LevelsFr { get; set; } = [];
    }

    public static RubricForm From(Rubric.Rubric rubric) => new()
    {
        Criteria = rubric.Criteria.Select(c => new CriterionForm
        {
            GuidanceEn = c.Guidance.En,
            GuidanceFr = c.Guidance.Fr,
            FactorsEn = string.Join('\n', c.Factors.Select(f => f.En)),
            FactorsFr = string.Join('\n', c.Factors.Select(f => f.Fr)),
            LevelsEn = c.Levels.Select(l => (string?)l.En).ToList(),
            LevelsFr = c.Levels.Select(l => l.Fr).ToList(),
        }).ToList(),
    };

    /// The rubric, or the problems that keep it from being one (each naming its criterion).
    public (Rubric.Rubric? Rubric, IReadOnlyList<string> Problems) Read()
    {
        var problems = new List<string>();
        var criteria = Enum.GetValues<InvestmentCriterion>();
        var result = new List<Rubric.RubricCriterion>();
        for (var i = 0; i < criteria.Length; i++)
        {
            var name = FinanceBuilder.Web.Proposals.Text.ProposalText.Enum(criteria[i]);
            var form = i < Criteria.Count ? Criteria[i] : new CriterionForm();
            var guidance = Text(form.GuidanceEn, form.GuidanceFr, name, ReviewText.Texts["Calls.Guidance"], problems);
            var en = Lines(form.FactorsEn);
            var fr = Lines(form.FactorsFr);
            if (en.Count > Rubric.Rubric.MaxFactors)
                problems.Add(ReviewText.Texts["Calls.TooManyFactors", name, Rubric.Rubric.MaxFactors]);
            if (fr.Count > 0 && fr.Count != en.Count)
                problems.Add(ReviewText.Texts["Calls.FactorsMismatch", name]);
            var factors = en.Select((f, k) => Text(f, k < fr.Count ? fr[k] : null, name, ReviewText.Texts["Calls.Factors"], problems)).ToList();
            var levels = Enumerable.Range(0, 5).Select(k => Text(
                k < form.LevelsEn.Count ? form.LevelsEn[k] : null,
                k < form.LevelsFr.Count ? form.LevelsFr[k] : null,
                name, ReviewText.Texts["Calls.Level", k + 1], problems)).ToList();
            result.Add(new Rubric.RubricCriterion(criteria[i], guidance, factors, levels));
        }
        return problems.Count == 0 ? (new Rubric.Rubric(result), []) : (null, problems.Distinct().ToList());
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static Rubric.LocalText Text(string? en, string? fr, string criterion, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(en))
            problems.Add(ReviewText.Texts["Calls.Missing", criterion, field]);
        foreach (var text in new[] { en, fr })
        {
            if (text?.Length > Rubric.Rubric.MaxTextLength)
                problems.Add(ReviewText.Texts["Calls.TooLong", criterion, field, Rubric.Rubric.MaxTextLength]);
            else if (Localization.TypedText.Problem(text, multiLine: false, $"{criterion} — {field}") is { } refused)
                problems.Add(refused);
        }
        return new Rubric.LocalText(en?.Trim() ?? "", string.IsNullOrWhiteSpace(fr) ? null : fr.Trim());
    }
}
