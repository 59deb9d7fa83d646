using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Questionnaire;

/// The flow in one place (style §4): the order of the pages, grouped as the funder groups its
/// template, and which of them apply to a proposal. The task list, the "next thing to do", the
/// step pages and "check your answers" all read it. No page asks for an answer only a later
/// page gives (a test walks the order): outcomes an output serves can be written on the design
/// page, co-financiers come before the budget lines that name them, the summary comes last.
public static class StepCatalogue
{
    public static IReadOnlyList<Step> All { get; } =
    [
        SetUpSteps.FundAndRoute, SetUpSteps.Applicant, SetUpSteps.Partners,
        SummarySteps.Basics, SummarySteps.Location, SummarySteps.ResultAreas, SummarySteps.Dates,
        ProjectInformationSteps.Context, ProjectInformationSteps.Hazards, ProjectInformationSteps.BaselineEmissions,
        // Components come before the measures, which name the component they belong to.
        ProjectInformationSteps.BarriersAndPolicies, ProjectInformationSteps.Components, ProjectInformationSteps.Mitigation,
        ProjectInformationSteps.Adaptation, ProjectInformationSteps.Resources, ProjectInformationSteps.Governance,
        ProjectInformationSteps.Narratives,
        // Who pays comes before what it costs: a budget line names its co-financier.
        FinancingSteps.Financing, PreparationSteps.Request, FinancingSteps.Budget, FinancingSteps.Economics,
        CriteriaSteps.ImpactPotential, CriteriaSteps.ParadigmShift, CriteriaSteps.SustainableDevelopment,
        CriteriaSteps.NeedsOfRecipient, CriteriaSteps.CountryOwnership, CriteriaSteps.Efficiency,
        LogframeSteps.Outcomes, LogframeSteps.Indicators, LogframeSteps.Monitoring,
        RiskSteps.Risks,
        PolicySteps.Safeguards, PolicySteps.Gender, PolicySteps.Stakeholders,
        AnnexSteps.Timetable, AnnexSteps.Annexes,
        // Written last, once everything it summarises is there.
        SummarySteps.ExecutiveSummary,
        AnnexSteps.Acknowledgements,
    ];

    private static readonly Dictionary<string, Step> ById = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public static Step? Find(string id) => ById.GetValueOrDefault(id);

    public static IEnumerable<Step> For(Proposal proposal) => All.Where(s => s.IsApplicable(proposal));

    /// The applicable page after this one, or null at the end.
    public static Step? Next(Step step, Proposal proposal) =>
        All.SkipWhile(s => s != step).Skip(1).FirstOrDefault(s => s.IsApplicable(proposal));

    public static Step? Previous(Step step, Proposal proposal) =>
        All.TakeWhile(s => s != step).LastOrDefault(s => s.IsApplicable(proposal));
}
