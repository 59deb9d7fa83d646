using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Section D: one page per investment criterion, with the funder's guidance beside the text
/// and a word counter against the template's limit.
public static class CriteriaSteps
{
    private static Step Criterion(string id, string field) => new(id, StepGroup.InvestmentCriteria,
    [
        Guide("Guide." + field),
        Panel("criterionFigures." + field),
        F("narratives.investmentCriteria." + field) with { WordLimit = field },
    ]);

    public static readonly Step ImpactPotential = Criterion("impact-potential", "impactPotential");
    public static readonly Step ParadigmShift = Criterion("paradigm-shift", "paradigmShift");
    public static readonly Step SustainableDevelopment = Criterion("sustainable-development", "sustainableDevelopment");
    public static readonly Step NeedsOfRecipient = Criterion("needs-of-recipient", "needsOfRecipient");
    public static readonly Step CountryOwnership = Criterion("country-ownership", "countryOwnership");
    public static readonly Step Efficiency = Criterion("efficiency-effectiveness", "efficiencyEffectiveness");
}
