using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// The one validation service (design D8): the API, the command line, the wizard and the
/// package's validation report all call it, so they show the same findings and figures.
public sealed class ProposalValidation(RuleCatalogue catalogue)
{
    public ValidationReport Validate(Proposal proposal, Route? route = null)
    {
        var target = route ?? proposal.Target.Route ?? Route.FundingProposal;
        var figures = KeyFigures.Compute(proposal);
        // Parameters follow the template version the proposal targets (R-079); the default
        // catalogue settings otherwise.
        var settings = proposal.Target.TemplateVersion is { } version && RuleSettings.AllVersions.TryGetValue(version, out var forVersion)
            ? forVersion
            : catalogue.Settings;
        var findings = RuleCatalogue.Run(proposal, figures, target, settings);
        return new ValidationReport(
            target, settings.TemplateVersion, figures, findings,
            Readiness.ByCriterion(proposal, findings, target),
            Readiness.BySection(proposal, findings, target));
    }
}

public sealed record ValidationReport(
    Route Route,
    string TemplateVersion,
    KeyFigures Figures,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ReadinessScore> Criteria,
    IReadOnlyList<ReadinessScore> Sections)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public IEnumerable<string> Lines(CultureInfo culture) =>
        Findings.Select(f => $"{f.RuleId} {f.Severity.ToString().ToLowerInvariant(),-7} {string.Join(", ", f.Paths.Take(3))}: {RuleMessages.Render(f, culture)}"
            + (f.Acknowledged is { } a ? $" [acknowledged: {a.Reason}]" : ""));
}
