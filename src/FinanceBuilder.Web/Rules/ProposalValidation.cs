using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Rules;

/// The one validation service (design D8): the API, the command line, the wizard and the
/// package's validation report all call it, so they show the same findings and figures.
public sealed class ProposalValidation(RuleCatalogue catalogue)
{
    /// The last report of each proposal object checked for its own route: a page drawn after the
    /// check (the accepted-warnings page lists the warnings given now) reads it instead of
    /// running the catalogue a second time (design D14). Weak: it goes with the object.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Proposal, ValidationReport> Latest = [];

    /// The report of this very object's last check, if it had one (its answers may have changed
    /// since only if the caller changed them after checking).
    public static ValidationReport? LatestOf(Proposal proposal) => Latest.TryGetValue(proposal, out var report) ? report : null;

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
        var report = new ValidationReport(
            target, settings.TemplateVersion, figures, findings,
            Readiness.ByCriterion(proposal, findings, target),
            Readiness.BySection(proposal, findings, target));
        if (route is null)
            Latest.AddOrUpdate(proposal, report);
        return report;
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
        Findings.Select(f => $"{f.RuleId} {ProposalText.Get($"Enum.Severity.{f.Severity}", culture).ToLower(culture)} {string.Join(", ", f.Paths.Take(3))}: {RuleMessages.Render(f, culture)}"
            + (f.Acknowledged is { } a ? $" [{ProposalText.Accepted(a, culture)}]" : ""));
}
