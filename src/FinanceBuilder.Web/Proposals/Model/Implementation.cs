namespace FinanceBuilder.Web.Proposals.Model;

/// Implementation timetable (annex 5): tasks and milestones, optionally tied to an activity.
public sealed class TimetableItem
{
    [ShortText] public string? Name { get; set; }
    [Identifier] public string? ActivityId { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public bool IsMilestone { get; set; }
}

/// B.4 implementation arrangements and G.3 financial management.
public sealed class Governance
{
    [Narrative] public string? ImplementationArrangements { get; set; }
    [LongText] public string? SteeringCommittee { get; set; }
    [LongText] public string? FlowOfFunds { get; set; }
    [LongText] public string? Procurement { get; set; }
    [LongText] public string? FinancialManagement { get; set; }
}

/// Monitoring, reporting and evaluation arrangements (E.6, annex 10).
public sealed class MonitoringEvaluation
{
    [Narrative] public string? Arrangements { get; set; }
    public Frequency? ReportingFrequency { get; set; }
    public Money? Budget { get; set; }
    public DateOnly? InterimEvaluation { get; set; }
    public DateOnly? FinalEvaluation { get; set; }
}

/// One entry of the annex list (section H) with its status and disclosure flag.
public sealed class Annex
{
    [Identifier] public required string Number { get; set; }
    public required AnnexType Type { get; set; }
    [ShortText] public string? Title { get; set; }
    public DocumentStatus Status { get; set; } = DocumentStatus.NotStarted;
    public bool? Confidential { get; set; }
}

public enum AnnexType
{
    NoObjectionLetter, FeasibilityStudy, FinancialModel, EconomicAnalysis, DetailedBudget, Timetable,
    EnvironmentalSocialAssessment, GenderAssessment, LegalDueDiligence, ProcurementPlan, MonitoringPlan,
    FeeRequest, CoFinancingLetters, TermSheet, StakeholderEngagement, Map, TheoryOfChangeDiagram,
    IndigenousPeoplesPlan, ResettlementPlan, Other,
}
