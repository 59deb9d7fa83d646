using System.Reflection;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// Every rule of the catalogue, found once in this assembly, in id order. Runs the rules that
/// apply to the proposal's route and marks the warnings the proposal acknowledges.
public sealed class RuleCatalogue(RuleSettings settings)
{
    public static IReadOnlyList<Rule> All { get; } = typeof(Rule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
        .Select(t => (Rule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToList();

    public RuleSettings Settings { get; } = settings;

    public IReadOnlyList<Finding> Run(Proposal proposal, KeyFigures figures, Route route) =>
        Run(proposal, figures, route, Settings);

    public static IReadOnlyList<Finding> Run(Proposal proposal, KeyFigures figures, Route route, RuleSettings settings) =>
        Run(new RuleContext(proposal, figures, route, settings), RuleSet.All);

    /// Which rules a run takes: all of them (the length rules estimating), or a package's two
    /// halves — every rule but the length rules before the document is laid out, then only the
    /// length rules on the measured document. Each rule runs once per check either way.
    public enum RuleSet { All, BeforeLayout, DocumentLength }

    public static IReadOnlyList<Finding> Run(RuleContext context, RuleSet set)
    {
        // The length rules finishing a package's check complete its one run rather than start another.
        if (set != RuleSet.DocumentLength)
            PipelineMetrics.RulesRun();
        var (proposal, route) = (context.Proposal, context.Route);
        var findings = new List<Finding>();
        foreach (var rule in All.Where(r => r.Routes.Contains(route) && set switch
        {
            RuleSet.BeforeLayout => r is not DocumentLengthRule,
            RuleSet.DocumentLength => r is DocumentLengthRule,
            _ => true,
        }))
        {
            foreach (var finding in rule.Evaluate(context))
                findings.Add(WithAcknowledgement(finding, proposal.Acknowledgements));
        }
        return findings;
    }

    /// Only warnings can be acknowledged: an error must be fixed, advice needs nothing.
    private static Finding WithAcknowledgement(Finding finding, List<Acknowledgement> acknowledgements)
    {
        if (finding.Severity != Severity.Warning)
            return finding;
        var match = acknowledgements.FirstOrDefault(a => a.RuleId == finding.RuleId && (a.Path is null || finding.Paths.Contains(a.Path)));
        return match is null ? finding : finding with { Acknowledged = match };
    }
}
