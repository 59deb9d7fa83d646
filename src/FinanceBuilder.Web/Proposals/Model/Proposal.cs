namespace FinanceBuilder.Web.Proposals.Model;

/// The canonical, template-neutral proposal (design D2). One object holds the whole application;
/// a null value means "not answered yet". Template packs project it into each funder's format.
/// Nothing here is storage metadata: the same JSON is the interchange file, so an export imports
/// back to exactly the same document.
public sealed class Proposal
{
    /// Version of this JSON shape; files of older versions are upgraded on import (ProposalUpgrader).
    public int SchemaVersion { get; set; } = ProposalSchemaVersion.Current;

    /// Language the proposal is written in and its documents are generated in.
    public Language Language { get; set; } = Language.En;

    public Target Target { get; set; } = new();
    public Applicant Applicant { get; set; } = new();
    public ProjectBasics Basics { get; set; } = new();
    public ClimateRationale ClimateRationale { get; set; } = new();
    [MaxItems(50)] public List<MitigationMeasure> MitigationMeasures { get; set; } = [];
    [MaxItems(50)] public List<AdaptationMeasure> AdaptationMeasures { get; set; } = [];
    [MaxItems(50)] public List<ResourceProtectionMeasure> ResourceProtection { get; set; } = [];
    [MaxItems(20)] public List<Component> Components { get; set; } = [];
    public Budget Budget { get; set; } = new();
    public Financing Financing { get; set; } = new();
    public Economics Economics { get; set; } = new();
    public ResultsFramework Results { get; set; } = new();
    public Narratives Narratives { get; set; } = new();
    public GenderPlan Gender { get; set; } = new();
    public Safeguards Safeguards { get; set; } = new();
    public StakeholderEngagement Stakeholders { get; set; } = new();
    [MaxItems(100)] public List<Risk> Risks { get; set; } = [];
    [MaxItems(200)] public List<TimetableItem> Timetable { get; set; } = [];
    public Governance Governance { get; set; } = new();
    public MonitoringEvaluation MonitoringEvaluation { get; set; } = new();
    /// The Project Preparation Facility request, on the PPF route.
    public PreparationRequest Ppf { get; set; } = new();
    [MaxItems(60)] public List<Annex> Annexes { get; set; } = [];
    /// Warnings of the rule catalogue the team has read and accepts, each with its reason;
    /// shown in the validation report.
    [MaxItems(200)] public List<Acknowledgement> Acknowledgements { get; set; } = [];
}

/// "We know, and here is why": acknowledges one warning of the rule catalogue (design D8).
public sealed class Acknowledgement
{
    [Identifier] public required string RuleId { get; set; }
    /// The JSON path of the finding; none acknowledges the rule wherever it fires.
    [ShortText] public string? Path { get; set; }
    [LongText] public required string Reason { get; set; }
    [ShortText] public string? By { get; set; }
    public DateOnly? Date { get; set; }
}

public static class ProposalSchemaVersion
{
    /// Bump when the JSON shape changes incompatibly, and add the step to ProposalUpgrader.
    public const int Current = 1;
}

/// Which fund, which route, which template version the proposal targets.
public sealed class Target
{
    public Fund Fund { get; set; } = Fund.Gcf;
    public Route? Route { get; set; }
    /// For a readiness request (RPSP): what the country has already used of its envelope.
    public ReadinessEnvelope? ReadinessEnvelope { get; set; }
    /// Template version the proposal was last mapped to, e.g. "GCF-FP-V3.0".
    [ShortText] public string? TemplateVersion { get; set; }
}

public enum Language { En, Fr, Es }

/// The country's readiness envelope (gcf-reference §4.4): up to USD 4 million main envelope plus
/// up to USD 3 million for NAP formulation (NAP.1) per 4 years; NAP.2 implementation support only
/// when less than USD 250,000 of the envelope remains uncommitted.
public sealed class ReadinessEnvelope
{
    public DateOnly? PeriodStart { get; set; }
    public decimal? MainUsedUsd { get; set; }
    public decimal? Nap1UsedUsd { get; set; }
    public ReadinessWindow? Window { get; set; }
}

public enum ReadinessWindow { Main, Nap1, Nap2 }

public enum Fund { Gcf, AdaptationFund, Gef, CityGapFund, C40Cff }

public enum Route { FundingProposal, ConceptNote, Sap, Ppf, Readiness }
