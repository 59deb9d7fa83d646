namespace FinanceBuilder.Web.Proposals.Model;

/// The narrative sections of the funding proposal (A.19, A.21, B.1–B.6, D.1–D.6). Figures are
/// not typed here: templates take them from the data.
public sealed class Narratives
{
    [Narrative] public string? ExecutiveSummary { get; set; }
    [Narrative] public string? Complementarity { get; set; }
    [Narrative] public string? TheoryOfChange { get; set; }
    [Narrative] public string? ProjectDescription { get; set; }
    [Narrative] public string? JustificationForGcf { get; set; }
    [Narrative] public string? ExitStrategy { get; set; }
    public InvestmentCriteria InvestmentCriteria { get; set; } = new();
}

/// One narrative per GCF investment criterion (gcf-reference §5; R-074 wants all six).
public sealed class InvestmentCriteria
{
    [Narrative] public string? ImpactPotential { get; set; }
    [Narrative] public string? ParadigmShift { get; set; }
    [Narrative] public string? SustainableDevelopment { get; set; }
    [Narrative] public string? NeedsOfRecipient { get; set; }
    [Narrative] public string? CountryOwnership { get; set; }
    [Narrative] public string? EfficiencyEffectiveness { get; set; }
}
