namespace FinanceBuilder.Web.Proposals.Model;

/// Section G.1: environmental and social category, screening answers and documents (§7.2).
public sealed class Safeguards
{
    public EssCategory? Category { get; set; }
    [LongText] public string? CategoryRationale { get; set; }
    public EssScreening Screening { get; set; } = new();
    public DocumentStatus EsiaStatus { get; set; } = DocumentStatus.NotStarted;
    public DocumentStatus EsmpStatus { get; set; } = DocumentStatus.NotStarted;
    public DateOnly? DisclosureDate { get; set; }
}

public enum EssCategory { A, B, C, I1, I2, I3 }

/// Screening checklist: any "yes" rules out category C.
public sealed class EssScreening
{
    public bool? LandAcquisitionOrResettlement { get; set; }
    public long? PeopleResettled { get; set; }
    public bool? IndigenousPeoplesPresent { get; set; }
    public bool? CriticalHabitatOrProtectedArea { get; set; }
    public bool? MajorCivilWorks { get; set; }
    public bool? HazardousMaterials { get; set; }
    public bool? SignificantLabourInflux { get; set; }
    public bool? IrreversibleImpacts { get; set; }
    /// Loss of livelihoods or income without physical relocation (fields, fishing grounds, stalls).
    public bool? EconomicDisplacement { get; set; }
    public bool? CulturalHeritage { get; set; }
    public bool? TransboundaryImpacts { get; set; }
    /// Significant quantities of waste, hazardous or not, generated or handled.
    public bool? SignificantWaste { get; set; }
    /// Risks to the health and safety of the communities around the works.
    public bool? CommunityHealthImpacts { get; set; }
    [LongText] public string? Notes { get; set; }
}

/// Section G.2: gender assessment and the project-level gender action plan.
public sealed class GenderPlan
{
    [Narrative] public string? Assessment { get; set; }
    [MaxItems(50)] public List<GenderAction> ActionPlan { get; set; } = [];
}

/// What a gender action's target counts (R-065 asks for a split by sex only for people).
public enum GenderTargetKind { People, Institutions, Policies, Budget, Other }

public sealed class GenderAction
{
    [LongText] public string? Action { get; set; }
    [ShortText] public string? Indicator { get; set; }
    /// What the target counts: people, given by sex (the default, and all older files hold), or
    /// an institutional figure — communes, policies, a share of the budget.
    public GenderTargetKind? TargetKind { get; set; }
    /// The people the action reaches, by sex (when it counts people).
    public PeopleCount? Target { get; set; }
    /// An institutional target's figure (12 communes, 3 policies, 30 % of the budget)…
    public decimal? TargetValue { get; set; }
    /// …and its unit, as the plan writes it ("communes with a gender focal point").
    [ShortText] public string? TargetUnit { get; set; }

    /// Whether the target counts people (then it is given by sex).
    public bool CountsPeople() => TargetKind is null or GenderTargetKind.People;
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    [ShortText] public string? Responsible { get; set; }
    public Money? Budget { get; set; }
}

/// Participation of citizens: consultations held, groups reached, grievance mechanism.
public sealed class StakeholderEngagement
{
    [MaxItems(100)] public List<Consultation> Consultations { get; set; } = [];
    [LongText] public string? GrievanceMechanism { get; set; }
    [Narrative] public string? EngagementPlan { get; set; }
}

public sealed class Consultation
{
    public DateOnly? Date { get; set; }
    [ShortText] public string? Place { get; set; }
    public ConsultationFormat? Format { get; set; }
    public PeopleCount Participants { get; set; } = new();
    [MaxItems(12)] public List<StakeholderGroup> GroupsReached { get; set; } = [];
    [LongText] public string? Summary { get; set; }
}

/// How far residents take part in a decision, the participation ladder (docs/decisions/0022):
/// information, consultation, concertation, co-construction. The catalogue's actions and the
/// consultation records use the same scale.
public enum ParticipationLevel { Information, Consultation, Concertation, CoConstruction }

public enum ConsultationFormat { PublicMeeting, Workshop, FocusGroup, Survey, Interview, Online }

/// The age bands a consultation's attendance is counted in: never a birth date. Beside the
/// groups, since the evidence a proposal is checked with carries them (EngagementEvidence).
public enum AgeBand { Under18, From18To24, From25To34, From35To49, From50To64, From65 }

public enum StakeholderGroup
{
    Women, Youth, Elderly, Migrants, PeopleWithDisabilities, IndigenousPeoples, VulnerablePeople,
    CivilSociety, PrivateSector, Residents, LocalAuthorities, Other,
}

/// Section F: risk register row.
public sealed class Risk
{
    public required RiskCategory Category { get; set; }
    [LongText] public string? Description { get; set; }
    public Rating? Probability { get; set; }
    public Rating? Impact { get; set; }
    [LongText] public string? Mitigation { get; set; }
    [ShortText] public string? Owner { get; set; }
}

public enum RiskCategory
{
    TechnicalOperational, Financial, SocialEnvironmental, GovernanceInstitutional, PoliticalSovereign,
    LegalRegulatory, ProhibitedPractices, Other,
}
