using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Questionnaire;

/// The proposal's own items offered as choices wherever another item refers to them, so a
/// budget line or an indicator names a component, output or outcome that exists.
public static class Choices
{
    private static string Label(string id, string? name) => string.IsNullOrWhiteSpace(name) ? id : $"{id} — {name}";

    public static IReadOnlyList<ChoiceOption> Components(Proposal p) =>
        p.Components.Select(c => new ChoiceOption(c.Id, Label(c.Id, c.Name))).ToList();

    public static IReadOnlyList<ChoiceOption> Outputs(Proposal p) =>
        p.Components.SelectMany(c => c.Outputs).Select(o => new ChoiceOption(o.Id, Label(o.Id, o.Name))).ToList();

    public static IReadOnlyList<ChoiceOption> Activities(Proposal p) =>
        p.Components.SelectMany(c => c.Outputs).SelectMany(o => o.Activities).Select(a => new ChoiceOption(a.Id, Label(a.Id, a.Name))).ToList();

    public static IReadOnlyList<ChoiceOption> Outcomes(Proposal p) =>
        p.Results.Outcomes.Select(o => new ChoiceOption(o.Id, Label(o.Id, o.Statement is { Length: > 80 } s ? s[..80] + "…" : o.Statement))).ToList();

    /// An outcome named on the design page: the same statement picks the outcome that has it,
    /// otherwise a new one ("O4") is added for the outcomes page to complete.
    public static readonly NewOption NewOutcome = new("New.outcome", (p, statement) =>
    {
        var outcomes = p.Results.Outcomes;
        if (outcomes.FirstOrDefault(o => string.Equals(o.Statement?.Trim(), statement, StringComparison.OrdinalIgnoreCase)) is { } same)
            return same.Id;
        if (outcomes.Count >= MaxOutcomes)
            return null;
        var outcome = new Outcome { Id = NextId("O", outcomes.Select(o => o.Id)), Statement = statement };
        outcomes.Add(outcome);
        return outcome.Id;
    });

    private static readonly int MaxOutcomes = typeof(ResultsFramework).GetProperty(nameof(ResultsFramework.Outcomes))!
        .GetCustomAttributes(typeof(MaxItemsAttribute), false).OfType<MaxItemsAttribute>().Single().Max;

    public static IReadOnlyList<ChoiceOption> OutcomesAndOutputs(Proposal p) => [.. Outcomes(p), .. Outputs(p)];

    public static IReadOnlyList<ChoiceOption> AdaptationMeasures(Proposal p) =>
        p.AdaptationMeasures.Select(m => new ChoiceOption(m.Id, Label(m.Id, m.Name))).ToList();

    public static IReadOnlyList<ChoiceOption> CoFinanciers(Proposal p) =>
        p.Financing.CoFinancing.Select(c => new ChoiceOption(c.Id, Label(c.Id, c.Name))).ToList();

    public static IReadOnlyList<ChoiceOption> TemplateVersions(Proposal p) =>
        Rules.RuleSettings.VersionsFor(p.Target.Route).Select(v => new ChoiceOption(v.TemplateVersion,
            Proposals.Text.ProposalText.Find("TemplateVersion." + v.TemplateVersion) is { } name ? $"{v.TemplateVersion} — {name}" : v.TemplateVersion)).ToList();

    /// The rules that warn about this proposal now, with their message, plus any already
    /// acknowledged: a reason is given for a warning the user can see. The warnings come from
    /// the proposal's own check (a page is drawn after it); before the check (reading a post)
    /// every warning-level rule is accepted, so the catalogue never runs twice in one request.
    public static IReadOnlyList<ChoiceOption> WarningRules(Proposal p)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var options = Rules.ProposalValidation.LatestOf(p) is { } report
            ? report.Findings.Where(f => f.Severity == Rules.Severity.Warning)
                .GroupBy(f => f.RuleId)
                .Select(g => new ChoiceOption(g.Key, g.Key + " — " + Shorten(Rules.RuleMessages.Render(g.First(), culture))))
                .ToList()
            : Rules.RuleCatalogue.All.Where(r => r.Severity == Rules.Severity.Warning).Select(r => new ChoiceOption(r.Id, r.Id)).ToList();
        options.AddRange(p.Acknowledgements.Select(a => a.RuleId).Where(id => id.Length > 0 && options.All(o => o.Value != id)).Distinct().Select(id => new ChoiceOption(id, id)));
        return options.OrderBy(o => o.Value, StringComparer.Ordinal).ToList();
    }

    private static string Shorten(string text) => text.Length > 90 ? text[..90] + "…" : text;

    /// "C3", "C4"…: the next free identifier with a prefix, so a new item has one at once.
    public static string NextId(string prefix, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = used.Count + 1; ; n++)
        {
            var id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!used.Contains(id))
                return id;
        }
    }
}
