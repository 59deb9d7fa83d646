namespace FinanceBuilder.Web.Proposals.Model;

/// Who proposes and who carries the project (gcf-reference §1): the local authority, its
/// executing entities, the accredited entity that submits, and each country's NDA.
public sealed class Applicant
{
    public Organisation Proponent { get; set; } = new();
    [MaxItems(20)] public List<ExecutingEntity> ExecutingEntities { get; set; } = [];
    public AccreditedEntity AccreditedEntity { get; set; } = new();
    [MaxItems(20)] public List<NationalDesignatedAuthority> NationalDesignatedAuthorities { get; set; } = [];
}

public sealed class Organisation
{
    [ShortText] public string? Name { get; set; }
    public OrganisationType? Type { get; set; }
    [CountryCode] public string? CountryCode { get; set; }
    /// Inhabitants served by the organisation (R-043 caps beneficiaries at this figure).
    public long? Population { get; set; }
    [Year] public int? PopulationYear { get; set; }
    [ShortText] public string? PopulationSource { get; set; }
    public Money? AnnualBudget { get; set; }
    public Contact? Contact { get; set; }
}

public enum OrganisationType
{
    Municipality, Region, PlanningAgency, InterMunicipalBody, Utility, NationalGovernment,
    NationalDevelopmentBank, NonGovernmental, PrivateCompany, Other,
}

public sealed class Contact
{
    [ShortText] public string? Name { get; set; }
    [ShortText] public string? Position { get; set; }
    [ShortText] public string? Email { get; set; }
    [ShortText] public string? Phone { get; set; }
}

public sealed class ExecutingEntity
{
    [ShortText] public string? Name { get; set; }
    public OrganisationType? Type { get; set; }
    [LongText] public string? Role { get; set; }
    /// Share of the project budget this entity executes, in percent (R-009: shares sum to 100).
    [Percent] public decimal? BudgetSharePercent { get; set; }
}

public sealed class AccreditedEntity
{
    [ShortText] public string? Name { get; set; }
    [ShortText] public string? ShortName { get; set; }
    /// What kind of accredited entity it is; R-006 checks it against the access modality.
    public AccreditedEntityKind? Kind { get; set; }
    public AccessModality? AccessModality { get; set; }
    public AccreditationScope Scope { get; set; } = new();
}

public enum AccessModality { Direct, International }

/// Direct access entities are national or regional and nominated by the NDA; international
/// access entities are UN agencies, multilateral and bilateral development banks, international NGOs.
public enum AccreditedEntityKind { NationalDirectAccess, RegionalDirectAccess, InternationalAccess }

/// The envelope the AE is accredited for: size, E&S risk and fiduciary standards.
public sealed class AccreditationScope
{
    public SizeCategory? MaxSize { get; set; }
    public EssCategory? MaxRiskCategory { get; set; }
    [MaxItems(4)] public List<FiduciaryStandard> FiduciaryStandards { get; set; } = [];
}

public enum FiduciaryStandard { Basic, ProjectManagement, GrantAward, OnLendingBlending }

public enum SizeCategory { Micro, Small, Medium, Large }

public sealed class NationalDesignatedAuthority
{
    [CountryCode] public string? CountryCode { get; set; }
    [ShortText] public string? Name { get; set; }
    [ShortText] public string? Signatory { get; set; }
    /// Date the NDA was informed (concept notes, R-007).
    public DateOnly? InformedOn { get; set; }
    public NoObjectionLetter NoObjectionLetter { get; set; } = new();
}

public sealed class NoObjectionLetter
{
    public DocumentStatus Status { get; set; } = DocumentStatus.NotStarted;
    public DateOnly? Date { get; set; }
    [ShortText] public string? Reference { get; set; }
    /// Election 1 (accredited entity) or election 2 (PSAA) of the NOL template.
    public int? Election { get; set; }
}

public enum DocumentStatus { NotStarted, Requested, Draft, Final, Attached }
