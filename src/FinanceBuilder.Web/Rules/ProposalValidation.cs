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

    /// Every rule, the length rules estimating (there is no document yet): the wizard, the API
    /// and the command line's validate.
    public ValidationReport Validate(Proposal proposal, Route? route = null)
    {
        var report = Check(proposal, route ?? proposal.Target.Route ?? Route.FundingProposal, RuleCatalogue.RuleSet.All);
        if (route is null)
            Latest.AddOrUpdate(proposal, report);
        return report;
    }

    /// A package's check, first half: every rule but those that measure the document, whose
    /// results the document's own statements (eligibility, category) can use.
    public ValidationReport ValidateBeforeLayout(Proposal proposal, Route route) =>
        Check(proposal, route, RuleCatalogue.RuleSet.BeforeLayout);

    /// A package's check, second half: the length rules on the document as laid out, added to
    /// the first half's findings; the report then carries the measured length and its limits.
    public static ValidationReport WithLength(ValidationReport before, Proposal proposal, DocumentLength length)
    {
        var context = new RuleContext(proposal, before.Figures, before.Route, before.Settings ?? RuleSettings.For(proposal, before.Route, RuleSettings.Default), length);
        var findings = before.Findings.Concat(RuleCatalogue.Run(context, RuleCatalogue.RuleSet.DocumentLength)).ToList();
        return before with
        {
            Findings = findings,
            Criteria = Readiness.ByCriterion(proposal, findings, before.Route),
            Sections = Readiness.BySection(proposal, findings, before.Route),
            Length = length,
            Limits = LimitsOf(context),
        };
    }

    /// The funder's length limits for documents of <paramref name="route"/>, as the length rules
    /// apply them (the package page shows them before anything is generated).
    /// Without a proposal, those of the default template version (the administration page).
    public DocumentLimits? Limits(Proposal? proposal, Route route)
    {
        proposal ??= new Proposal();
        return LimitsOf(new RuleContext(proposal, new KeyFigures { ReportingCurrency = proposal.Budget.ReportingCurrency }, route, RuleSettings.For(proposal, route, catalogue.Settings)));
    }

    /// The pages the length rule of <paramref name="route"/> estimates for the proposal's document
    /// (tests compare it with the generated document).
    internal static int? EstimatedPages(Proposal proposal, Route route)
    {
        var context = new RuleContext(proposal, new KeyFigures { ReportingCurrency = proposal.Budget.ReportingCurrency }, route, RuleSettings.For(proposal, route, RuleSettings.Default));
        return RuleCatalogue.All.OfType<DocumentLengthRule>().Where(r => r.Routes.Contains(route)).Select(r => (int?)Catalogue.PageEstimate.Pages(r, context)).FirstOrDefault();
    }

    private static DocumentLimits? LimitsOf(RuleContext context) =>
        RuleCatalogue.All.OfType<DocumentLengthRule>().Where(r => r.Routes.Contains(context.Route)).Select(r => r.Limits(context)).FirstOrDefault();

    private ValidationReport Check(Proposal proposal, Route target, RuleCatalogue.RuleSet set)
    {
        var figures = KeyFigures.Compute(proposal);
        var settings = RuleSettings.For(proposal, target, catalogue.Settings);
        var context = new RuleContext(proposal, figures, target, settings);
        var findings = RuleCatalogue.Run(context, set);
        return new ValidationReport(
            target, settings.TemplateVersion, figures, findings,
            Readiness.ByCriterion(proposal, findings, target),
            Readiness.BySection(proposal, findings, target))
        {
            Settings = settings,
            Sap = SapCheck.Of(context, findings),
            Ppf = PpfCheck.Of(context, findings),
            Areas = ResultAreas.Of(proposal),
        };
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

    /// Error-level findings: any makes the package a draft.
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    /// Warnings nobody has accepted with a reason.
    public int OpenWarningCount => Findings.Count(f => f.Severity == Severity.Warning && f.Acknowledged is null);

    /// The generated document's measured length, when the length rules ran on it (a package's
    /// report); null when they estimated.
    public DocumentLength? Length { get; init; }

    /// The limits the length rules applied to that document.
    public DocumentLimits? Limits { get; init; }

    /// The SAP criteria as this check applied them; null unless the route is the SAP.
    public SapCheck? Sap { get; init; }

    /// The PPF ceilings as this check applied them; null unless the route is the PPF.
    public PpfCheck? Ppf { get; init; }

    /// Whether the GCF size category (of the financing total) says anything on this route: a
    /// PPF request's total is its preparation, not the project it prepares (R-010 is not run).
    public bool SizeApplies => Route != Route.Ppf;

    /// The result areas the proposal has measures in: a figure of an area it has none in (tonnes
    /// and cost per tonne of an adaptation project) is "not applicable" wherever it is shown.
    public ResultAreas Areas { get; init; } = new(true, true);

    /// The parameters the rules ran with (the second half of a package's check uses the same).
    internal RuleSettings? Settings { get; init; }

    public IEnumerable<string> Lines(CultureInfo culture) =>
        Findings.Select(f => $"{f.RuleId} {ProposalText.Get($"Enum.Severity.{f.Severity}", culture).ToLower(culture)} {string.Join(", ", f.Paths.Take(3))}: {RuleMessages.Render(f, culture)}"
            + (f.Acknowledged is { } a ? $" [{ProposalText.Accepted(a, culture)}]" : ""));
}

/// Whether the proposal has mitigation measures and adaptation measures, and whether it counts
/// beneficiaries: always with adaptation, with mitigation when a measure counts the people it reaches.
public sealed record ResultAreas(bool Mitigation, bool Adaptation)
{
    public bool Beneficiaries { get; init; } = Adaptation;

    public static ResultAreas Of(Proposal proposal) =>
        new(proposal.MitigationMeasures.Count > 0, proposal.AdaptationMeasures.Count > 0)
        {
            Beneficiaries = proposal.AdaptationMeasures.Count > 0 || MeasureBeneficiaries.Of(proposal).Any(m => m.Counts.Counted()),
        };
}

/// The SAP criteria (R-014: the GCF ceiling; R-015: the E&S category) as one check applied them.
/// Every "within the SAP criteria" a document or panel writes is this, so it never contradicts
/// the report beside it. Within is null until the amount and the category are both known.
public sealed record SapCheck(decimal CeilingUsd, IReadOnlyList<EssCategory> Categories, bool? Within)
{
    public static SapCheck? Of(RuleContext context, IReadOnlyList<Finding> findings)
    {
        if (context.Route != Route.Sap)
            return null;
        var ceiling = RuleCatalogue.All.OfType<Catalogue.R014SapCeiling>().Single().Ceiling(context);
        bool? within = context.Figures.GcfRequestUsd is null || context.Proposal.Safeguards.Category is null
            ? null
            : !findings.Any(f => f.RuleId is "R-014" or "R-015");
        return new SapCheck(ceiling, Catalogue.R015SapCategory.Allowed, within);
    }
}

/// The PPF ceilings (R-035) as one check applied them: the document's "within the ceiling" and
/// "simplified PPF" are this. Within and Simplified are null until the amount requested is known.
public sealed record PpfCheck(decimal CeilingUsd, decimal SimplifiedUsd, bool? Within, bool? Simplified)
{
    public static PpfCheck? Of(RuleContext context, IReadOnlyList<Finding> findings)
    {
        if (context.Route != Route.Ppf)
            return null;
        var rule = RuleCatalogue.All.OfType<Catalogue.R035Ppf>().Single();
        var known = context.Figures.GcfRequestUsd is not null;
        return new PpfCheck(
            rule.Ceiling(context),
            rule.SimplifiedCeiling(context),
            known ? !findings.Any(f => f.MessageKey == "R-035") : null,
            known ? findings.Any(f => f.MessageKey == "R-035.Simplified") : null);
    }
}
