using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Section E: outcomes, indicators (IRMF core indicators offered first) and monitoring.
public static class LogframeSteps
{
    public static readonly Step Outcomes = new("outcomes", StepGroup.LogicalFramework,
    [
        F("results.paradigmShiftObjective"),
        List<Outcome>("results.outcomes", list => new Outcome { Id = Choices.NextId("O", list.Select(o => o.Id)) },
            F("id"), F("statement"), F("resultAreas")) with { TitleField = "id" },
    ])
    { Validator = new UniqueIds<Outcome>(p => p.Results.Outcomes, o => o.Id, "results.outcomes") };

    public static readonly Step Indicators = new("indicators", StepGroup.LogicalFramework,
    [
        Panel("territorialBaselines"),
        new ListBlock("results.indicators",
        [
            F("code"), F("irmfCore"), F("level"), F("resultArea"), Ref("measuresId", Choices.OutcomesAndOutputs),
            F("name"), F("unit"),
            Group("values", F("baselineValue"), F("baselineYear"), F("midTermTarget"), F("finalTarget"), F("targetYear")),
            F("baselineSource"),
            F("finalTargetBySex"),
            Group("disaggregation", F("disaggregation.bySex"), F("disaggregation.byAge"), F("disaggregation.byLocation")),
            F("meansOfVerification"), F("frequency"), F("responsible"), F("assumptions"),
        ], (_, list) => new Indicator { Code = Choices.NextId("I", ((IList<Indicator>)list).Select(i => i.Code)), Level = ResultLevel.Output })
        {
            TitleField = "name",
            PageSize = 10,
            Presets = [.. Enum.GetValues<IrmfCore>().Take(4).Select(core => new Preset("Preset." + core, (scope, list) => CoreIndicator((Proposal)scope, (IList<Indicator>)list, core)))],
        },
    ])
    { Validator = new UniqueIds<Indicator>(p => p.Results.Indicators, i => i.Code, "results.indicators") };

    public static readonly Step Monitoring = new("monitoring", StepGroup.LogicalFramework,
    [
        F("monitoringEvaluation.arrangements"),
        F("monitoringEvaluation.reportingFrequency"),
        F("monitoringEvaluation.budget"),
        F("monitoringEvaluation.interimEvaluation"),
        F("monitoringEvaluation.finalEvaluation"),
    ]);

    /// An IRMF core indicator (gcf-reference §6.2) named in the proposal's language; none when
    /// the proposal already reports that core indicator.
    private static IEnumerable<object> CoreIndicator(Proposal proposal, IList<Indicator> list, IrmfCore core)
    {
        if (list.Any(i => i.IrmfCore == core))
            yield break;
        var culture = new CultureInfo(proposal.Language.ToString().ToLowerInvariant());
        yield return new Indicator
        {
            Code = "Core " + ((int)core + 1).ToString(CultureInfo.InvariantCulture),
            Level = ResultLevel.Impact,
            IrmfCore = core,
            Name = ProposalText.Get("Core.Name." + core, culture),
            Unit = ProposalText.Get("Core.Unit." + core, culture),
            Disaggregation = new Disaggregation { BySex = core == IrmfCore.Core2 },
        };
    }
}

/// Section F: the risk register.
public static class RiskSteps
{
    public static readonly Step Risks = new("risks", StepGroup.Risks,
    [
        List<Risk>("risks", _ => new Risk { Category = RiskCategory.TechnicalOperational },
            F("category"), F("description"), F("probability"), F("impact"), F("mitigation"), F("owner")) with { TitleField = "category", PageSize = 25 },
    ]);
}

/// Section G: environmental and social safeguards, gender, participation of citizens.
public static class PolicySteps
{
    public static readonly Step Safeguards = new("safeguards", StepGroup.PoliciesAndStandards,
    [
        Group("screening",
            F("safeguards.screening.landAcquisitionOrResettlement") with { Refresh = true },
            When<Proposal>(p => p.Safeguards.Screening.LandAcquisitionOrResettlement == true, F("safeguards.screening.peopleResettled")),
            F("safeguards.screening.indigenousPeoplesPresent"),
            F("safeguards.screening.criticalHabitatOrProtectedArea"),
            F("safeguards.screening.majorCivilWorks"),
            F("safeguards.screening.hazardousMaterials"),
            F("safeguards.screening.significantLabourInflux"),
            F("safeguards.screening.irreversibleImpacts"),
            F("safeguards.screening.economicDisplacement"),
            F("safeguards.screening.culturalHeritage"),
            F("safeguards.screening.transboundaryImpacts"),
            F("safeguards.screening.significantWaste"),
            F("safeguards.screening.communityHealthImpacts"),
            F("safeguards.screening.notes")),
        F("safeguards.category"),
        F("safeguards.categoryRationale"),
        F("safeguards.esiaStatus"),
        F("safeguards.esmpStatus"),
        F("safeguards.disclosureDate"),
    ]);

    public static readonly Step Gender = new("gender", StepGroup.PoliciesAndStandards,
    [
        F("gender.assessment"),
        List<GenderAction>("gender.actionPlan", _ => new GenderAction(),
            F("action"), F("indicator"), F("targetKind"),
            When<GenderAction>(a => a.CountsPeople(), F("target")),
            When<GenderAction>(a => !a.CountsPeople(), F("targetValue"), F("targetUnit")),
            F("start"), F("end"), F("responsible"), F("budget")) with { PageSize = 25 },
    ]);

    public static readonly Step Stakeholders = new("stakeholders", StepGroup.PoliciesAndStandards,
    [
        List<Consultation>("stakeholders.consultations", _ => new Consultation(),
            F("date"), F("place"), F("format"), F("participants"), F("groupsReached"), F("summary")) with { TitleField = "place", PageSize = 20 },
        F("stakeholders.grievanceMechanism"),
        F("stakeholders.engagementPlan"),
    ]);
}

/// Section H and the implementation timetable; then the warnings the team accepts.
public static class AnnexSteps
{
    public static readonly Step Timetable = new("timetable", StepGroup.Annexes,
    [
        List<TimetableItem>("timetable", _ => new TimetableItem(),
            F("name"), Ref("activityId", Choices.Activities), F("start"), F("end"), F("isMilestone")) with { AsTable = true, PageSize = 50 },
    ]);

    /// The annex list of the funding proposal template (gcf-reference §3.9), no-objection letter first.
    private static readonly (string Number, AnnexType Type)[] Standard =
    [
        ("1", AnnexType.NoObjectionLetter), ("2", AnnexType.FeasibilityStudy), ("3", AnnexType.FinancialModel),
        ("3b", AnnexType.EconomicAnalysis), ("4", AnnexType.DetailedBudget), ("5", AnnexType.Timetable),
        ("6", AnnexType.EnvironmentalSocialAssessment), ("7", AnnexType.GenderAssessment), ("8", AnnexType.LegalDueDiligence),
        ("9", AnnexType.ProcurementPlan), ("10", AnnexType.MonitoringPlan), ("11", AnnexType.FeeRequest),
        ("12", AnnexType.CoFinancingLetters), ("13", AnnexType.TermSheet), ("14", AnnexType.StakeholderEngagement),
    ];

    public static readonly Step Annexes = new("annexes", StepGroup.Annexes,
    [
        Panel("noObjection"),
        new ListBlock("annexes", [F("number"), F("type"), F("title"), F("status"), F("confidential")],
            (_, list) => new Annex { Number = Choices.NextId("", ((IList<Annex>)list).Select(a => a.Number)), Type = AnnexType.Other })
        {
            AsTable = true,
            Presets = [new Preset("Preset.StandardAnnexes", (_, list) => Standard
                .Where(s => !((IList<Annex>)list).Any(a => a.Type == s.Type))
                .Select(s => (object)new Annex { Number = s.Number, Type = s.Type }))],
        },
    ]);

    public static readonly Step Acknowledgements = new("accepted-warnings", StepGroup.Submission,
    [
        Panel("openWarnings"),
        List<Acknowledgement>("acknowledgements", _ => new Acknowledgement { RuleId = "", Reason = "" },
            Ref("ruleId", Choices.WarningRules), F("path"), F("reason"), F("by"), F("date")) with { TitleField = "ruleId" },
    ])
    {
        // Nothing to do while no warning is open (optional, unless reasons were given: then
        // completed); started once one reason is given while others still wait.
        Status = (proposal, report) =>
            !report.Findings.Any(f => f.Severity == FinanceBuilder.Web.Rules.Severity.Warning && f.Acknowledged is null)
                ? proposal.Acknowledgements.Count > 0 ? StepStatus.Completed : StepStatus.Optional
            : proposal.Acknowledgements.Count > 0 ? StepStatus.InProgress
            : StepStatus.NotStarted,
    };
}
