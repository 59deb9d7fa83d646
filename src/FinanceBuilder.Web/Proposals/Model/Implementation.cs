using FinanceBuilder.Web.Proposals.Attachments;

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
    /// The files attached to this row on the annex files page. Written by the server only: a
    /// file given here in an imported or uploaded proposal is kept only if it is one of this
    /// proposal's stored files, and its facts are always those the server measured
    /// (Features/Annexes/AttachedFiles).
    [MaxItems(AttachedFile.MaxPerAnnex), ServerManaged] public List<AttachedFile> Files { get; set; } = [];
}

/// One stored file of an annex row, as the server recognised it from its content.
public sealed class AttachedFile
{
    public const int MaxPerAnnex = 20;

    /// The stored file's id (annex_files), 32 hexadecimal digits.
    [Identifier] public required string Id { get; set; }
    /// The name it is shown and downloaded under: never a path (Features/Annexes/DisplayName).
    [ShortText] public string? Name { get; set; }
    public FileKind? Kind { get; set; }
    public long? Bytes { get; set; }
    /// SHA-256 of the content, 64 hexadecimal digits.
    [ShortText] public string? Sha256 { get; set; }
    /// Pages of a PDF; width and height in pixels of a picture.
    public int? Pages { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// What a reviewer should know before opening it (a PDF that runs JavaScript).
    [MaxItems(4)] public List<FileCaution> Cautions { get; set; } = [];
    /// A map file's places, one per feature (a point, a line's or an area's first vertex), at
    /// most 8 taken evenly through the file: R-081 checks they lie in the project's countries.
    [MaxItems(8)] public List<FilePlace> Places { get; set; } = [];
}

/// A place of a map file, in degrees (WGS 84).
public sealed class FilePlace
{
    [AllowNegative(-180, 180)] public decimal Longitude { get; set; }
    [AllowNegative(-90, 90)] public decimal Latitude { get; set; }
}

public enum AnnexType
{
    NoObjectionLetter, FeasibilityStudy, FinancialModel, EconomicAnalysis, DetailedBudget, Timetable,
    EnvironmentalSocialAssessment, GenderAssessment, LegalDueDiligence, ProcurementPlan, MonitoringPlan,
    FeeRequest, CoFinancingLetters, TermSheet, StakeholderEngagement, Map, TheoryOfChangeDiagram, OrganisationChart,
    IndigenousPeoplesPlan, ResettlementPlan, Other,
}
