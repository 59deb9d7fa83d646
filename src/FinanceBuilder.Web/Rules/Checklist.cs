using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// The answers each route requires, by template section and investment criterion (the
/// completeness half of readiness). A concept note asks for less than a funding proposal.
public static class Checklist
{
    private static bool Text(string? s) => !string.IsNullOrWhiteSpace(s);

    private static readonly ChecklistItem[] FundingProposal =
    [
        new("$.basics.title", TemplateSection.Summary, null, p => Text(p.Basics.Title)),
        new("$.basics.countries", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Basics.Countries.Count > 0),
        new("$.basics.kind", TemplateSection.Summary, null, p => p.Basics.Kind is not null),
        new("$.basics.sector", TemplateSection.Summary, null, p => p.Basics.Sector is not null),
        new("$.basics.focus", TemplateSection.Summary, InvestmentCriterion.ImpactPotential, p => p.Basics.Focus is not null),
        new("$.basics.resultAreas", TemplateSection.Summary, InvestmentCriterion.ImpactPotential, p => p.Basics.ResultAreas.Count > 0),
        new("$.basics.implementationStart", TemplateSection.Summary, null, p => p.Basics.ImplementationStart is not null),
        new("$.basics.implementationEnd", TemplateSection.Summary, null, p => p.Basics.ImplementationEnd is not null),
        new("$.basics.lifespanYears", TemplateSection.Summary, null, p => p.Basics.LifespanYears is not null),
        new("$.basics.declaredSizeCategory", TemplateSection.Summary, null, p => p.Basics.DeclaredSizeCategory is not null),
        new("$.applicant.proponent.name", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => Text(p.Applicant.Proponent.Name)),
        new("$.applicant.proponent.population", TemplateSection.Summary, InvestmentCriterion.NeedsOfRecipient, p => p.Applicant.Proponent.Population is not null),
        new("$.applicant.accreditedEntity.name", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => Text(p.Applicant.AccreditedEntity.Name)),
        new("$.applicant.executingEntities", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Applicant.ExecutingEntities.Count > 0),
        new("$.applicant.nationalDesignatedAuthorities", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Applicant.NationalDesignatedAuthorities.Count > 0),
        new("$.narratives.executiveSummary", TemplateSection.Summary, null, p => Text(p.Narratives.ExecutiveSummary)),
        new("$.climateRationale.context", TemplateSection.ProjectInformation, InvestmentCriterion.NeedsOfRecipient, p => Text(p.ClimateRationale.Context)),
        new("$.climateRationale.hazards", TemplateSection.ProjectInformation, InvestmentCriterion.NeedsOfRecipient, p => p.ClimateRationale.Hazards.Count > 0 || p.Basics.Focus == Focus.Mitigation),
        new("$.climateRationale.barriers", TemplateSection.ProjectInformation, InvestmentCriterion.ParadigmShift, p => p.ClimateRationale.Barriers.Count > 0),
        new("$.climateRationale.policyAlignment", TemplateSection.ProjectInformation, InvestmentCriterion.CountryOwnership, p => p.ClimateRationale.PolicyAlignment.Count > 0),
        new("$.narratives.theoryOfChange", TemplateSection.ProjectInformation, InvestmentCriterion.ParadigmShift, p => Text(p.Narratives.TheoryOfChange)),
        new("$.narratives.projectDescription", TemplateSection.ProjectInformation, null, p => Text(p.Narratives.ProjectDescription)),
        new("$.components", TemplateSection.ProjectInformation, null, p => p.Components.Count > 0),
        new("$.governance.implementationArrangements", TemplateSection.ProjectInformation, InvestmentCriterion.CountryOwnership, p => Text(p.Governance.ImplementationArrangements)),
        new("$.narratives.justificationForGcf", TemplateSection.ProjectInformation, InvestmentCriterion.NeedsOfRecipient, p => Text(p.Narratives.JustificationForGcf)),
        new("$.narratives.exitStrategy", TemplateSection.ProjectInformation, InvestmentCriterion.ParadigmShift, p => Text(p.Narratives.ExitStrategy)),
        new("$.financing.gcfInstruments", TemplateSection.Financing, InvestmentCriterion.EfficiencyEffectiveness, p => p.Financing.GcfInstruments.Count > 0),
        new("$.budget.lines", TemplateSection.Financing, InvestmentCriterion.EfficiencyEffectiveness, p => p.Budget.Lines.Count > 0),
        new("$.financing.disbursementSchedule", TemplateSection.Financing, null, p => p.Financing.DisbursementSchedule.Count > 0),
        new("$.economics.eirrWithGcfPercent", TemplateSection.Financing, InvestmentCriterion.EfficiencyEffectiveness, p => p.Economics.EirrWithGcfPercent is not null),
        new("$.narratives.investmentCriteria.impactPotential", TemplateSection.InvestmentCriteria, InvestmentCriterion.ImpactPotential, p => Text(p.Narratives.InvestmentCriteria.ImpactPotential)),
        new("$.narratives.investmentCriteria.paradigmShift", TemplateSection.InvestmentCriteria, InvestmentCriterion.ParadigmShift, p => Text(p.Narratives.InvestmentCriteria.ParadigmShift)),
        new("$.narratives.investmentCriteria.sustainableDevelopment", TemplateSection.InvestmentCriteria, InvestmentCriterion.SustainableDevelopment, p => Text(p.Narratives.InvestmentCriteria.SustainableDevelopment)),
        new("$.narratives.investmentCriteria.needsOfRecipient", TemplateSection.InvestmentCriteria, InvestmentCriterion.NeedsOfRecipient, p => Text(p.Narratives.InvestmentCriteria.NeedsOfRecipient)),
        new("$.narratives.investmentCriteria.countryOwnership", TemplateSection.InvestmentCriteria, InvestmentCriterion.CountryOwnership, p => Text(p.Narratives.InvestmentCriteria.CountryOwnership)),
        new("$.narratives.investmentCriteria.efficiencyEffectiveness", TemplateSection.InvestmentCriteria, InvestmentCriterion.EfficiencyEffectiveness, p => Text(p.Narratives.InvestmentCriteria.EfficiencyEffectiveness)),
        new("$.results.outcomes", TemplateSection.LogicalFramework, InvestmentCriterion.ImpactPotential, p => p.Results.Outcomes.Count > 0),
        new("$.results.indicators", TemplateSection.LogicalFramework, InvestmentCriterion.ImpactPotential, p => p.Results.Indicators.Count > 0),
        new("$.mitigationMeasures", TemplateSection.LogicalFramework, InvestmentCriterion.ImpactPotential, p => p.MitigationMeasures.Count > 0 || p.Basics.Focus == Focus.Adaptation),
        new("$.adaptationMeasures", TemplateSection.LogicalFramework, InvestmentCriterion.ImpactPotential, p => p.AdaptationMeasures.Count > 0 || p.Basics.Focus == Focus.Mitigation),
        new("$.monitoringEvaluation.arrangements", TemplateSection.LogicalFramework, null, p => Text(p.MonitoringEvaluation.Arrangements)),
        new("$.risks", TemplateSection.Risks, null, p => p.Risks.Count > 0),
        new("$.safeguards.category", TemplateSection.PoliciesAndStandards, InvestmentCriterion.SustainableDevelopment, p => p.Safeguards.Category is not null),
        new("$.gender.assessment", TemplateSection.PoliciesAndStandards, InvestmentCriterion.SustainableDevelopment, p => Text(p.Gender.Assessment)),
        new("$.gender.actionPlan", TemplateSection.PoliciesAndStandards, InvestmentCriterion.SustainableDevelopment, p => p.Gender.ActionPlan.Count > 0),
        new("$.stakeholders.consultations", TemplateSection.PoliciesAndStandards, InvestmentCriterion.CountryOwnership, p => p.Stakeholders.Consultations.Count > 0 || EngagementEvidence.Of(p)?.Consultations.Count > 0), // its rows, or consultations recorded (Participation)
        new("$.stakeholders.grievanceMechanism", TemplateSection.PoliciesAndStandards, null, p => Text(p.Stakeholders.GrievanceMechanism)),
        new("$.governance.procurement", TemplateSection.PoliciesAndStandards, null, p => Text(p.Governance.Procurement)),
        new("$.annexes", TemplateSection.Annexes, null, p => p.Annexes.Count > 0),
        new("$.timetable", TemplateSection.Annexes, null, p => p.Timetable.Count > 0),
    ];

    /// Concept notes (gcf-reference §4.1) skip the detailed budget, disbursement, economics,
    /// indicators, M&E, procurement and annexes of a full proposal.
    private static readonly HashSet<string> NotInConceptNote =
    [
        "$.budget.lines", "$.financing.disbursementSchedule", "$.economics.eirrWithGcfPercent", "$.results.indicators",
        "$.monitoringEvaluation.arrangements", "$.governance.procurement", "$.annexes", "$.timetable", "$.gender.actionPlan",
        "$.stakeholders.grievanceMechanism", "$.narratives.exitStrategy",
    ];

    /// A readiness request is a short form: who asks, for which country, how much, from which window.
    private static readonly ChecklistItem[] ReadinessRequest =
    [
        new("$.basics.title", TemplateSection.Summary, null, p => Text(p.Basics.Title)),
        new("$.basics.countries", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Basics.Countries.Count > 0),
        new("$.applicant.nationalDesignatedAuthorities", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Applicant.NationalDesignatedAuthorities.Count > 0),
        new("$.target.readinessEnvelope.window", TemplateSection.Financing, null, p => p.Target.ReadinessEnvelope?.Window is not null),
        new("$.financing.gcfInstruments", TemplateSection.Financing, InvestmentCriterion.NeedsOfRecipient, p => p.Financing.GcfInstruments.Count > 0),
        new("$.narratives.projectDescription", TemplateSection.ProjectInformation, null, p => Text(p.Narratives.ProjectDescription)),
    ];

    /// A PPF request (gcf-reference §4.3): the project in outline, as its concept note gives it,
    /// and the preparation asked for — modality, activities, their need, schedule and arrangements.
    private static readonly ChecklistItem[] PreparationRequest =
    [
        new("$.basics.title", TemplateSection.Summary, null, p => Text(p.Basics.Title)),
        new("$.basics.countries", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Basics.Countries.Count > 0),
        new("$.basics.focus", TemplateSection.Summary, InvestmentCriterion.ImpactPotential, p => p.Basics.Focus is not null),
        new("$.basics.resultAreas", TemplateSection.Summary, InvestmentCriterion.ImpactPotential, p => p.Basics.ResultAreas.Count > 0),
        new("$.applicant.proponent.name", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => Text(p.Applicant.Proponent.Name)),
        new("$.applicant.accreditedEntity.name", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => Text(p.Applicant.AccreditedEntity.Name)),
        new("$.applicant.executingEntities", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Applicant.ExecutingEntities.Count > 0),
        new("$.applicant.nationalDesignatedAuthorities", TemplateSection.Summary, InvestmentCriterion.CountryOwnership, p => p.Applicant.NationalDesignatedAuthorities.Count > 0),
        new("$.narratives.executiveSummary", TemplateSection.Summary, null, p => Text(p.Narratives.ExecutiveSummary)),
        new("$.climateRationale.context", TemplateSection.ProjectInformation, InvestmentCriterion.NeedsOfRecipient, p => Text(p.ClimateRationale.Context)),
        new("$.financing.gcfInstruments", TemplateSection.Financing, InvestmentCriterion.EfficiencyEffectiveness, p => p.Financing.GcfInstruments.Count > 0),
        new("$.ppf.modality", TemplateSection.Financing, null, p => p.Ppf.Modality is not null),
        new("$.ppf.conceptNoteReference", TemplateSection.Summary, null, p => Text(p.Ppf.ConceptNoteReference)),
        new("$.ppf.preparationMonths", TemplateSection.Financing, null, p => p.Ppf.PreparationMonths is not null),
        new("$.ppf.need", TemplateSection.ProjectInformation, InvestmentCriterion.NeedsOfRecipient, p => Text(p.Ppf.Need)),
        new("$.ppf.activities", TemplateSection.Financing, InvestmentCriterion.EfficiencyEffectiveness, p => p.Ppf.Activities.Count > 0),
        new("$.ppf.implementation", TemplateSection.ProjectInformation, InvestmentCriterion.CountryOwnership, p => Text(p.Ppf.Implementation)),
        new("$.financing.disbursementSchedule", TemplateSection.Financing, null, p => p.Financing.DisbursementSchedule.Count > 0),
    ];

    public static IEnumerable<ChecklistItem> For(Route route) => route switch
    {
        Route.ConceptNote => FundingProposal.Where(i => !NotInConceptNote.Contains(i.Path)),
        Route.Readiness => ReadinessRequest,
        Route.Ppf => PreparationRequest,
        _ => FundingProposal,
    };
}
