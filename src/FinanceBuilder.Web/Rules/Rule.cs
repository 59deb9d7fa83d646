using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// One rule of the catalogue (gcf-reference §10): an identifiable unit with its id, default
/// severity, source, the routes it applies to and where it counts in the readiness score.
/// Evaluate must cope with a half-filled proposal: missing data is "not answered yet", which
/// completeness reports — a rule only speaks about what is there.
public abstract class Rule
{
    protected static readonly Route[] AllRoutes = [Route.FundingProposal, Route.ConceptNote, Route.Sap, Route.Ppf];
    protected static readonly Route[] FullProposals = [Route.FundingProposal, Route.Sap];

    /// Rules about the project itself — its size, results framework and beneficiaries — which a
    /// PPF request does not have yet: the preparation it asks for is what will establish them.
    protected static readonly Route[] ProjectRoutes = [Route.FundingProposal, Route.ConceptNote, Route.Sap];

    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract string Source { get; }
    public abstract TemplateSection Section { get; }
    public virtual InvestmentCriterion? Criterion => null;
    public virtual IReadOnlyList<Route> Routes => AllRoutes;

    public abstract IEnumerable<Finding> Evaluate(RuleContext context);

    /// A finding of this rule with the message "R-0xx" (or "R-0xx.variant") and its arguments.
    protected Finding Found(RuleContext context, string? variant, IReadOnlyList<string> paths, params object?[] arguments) =>
        new(Id, context.SeverityOf(this), paths, variant is null ? Id : $"{Id}.{variant}", arguments, Source, Section, Criterion);

    protected Finding Found(RuleContext context, string? variant, string path, params object?[] arguments) =>
        Found(context, variant, [path], arguments);
}
