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
    /// The entry of the accredited-entity directory this AE was picked from (docs/directory.md);
    /// null when it was entered by hand. While set, the name, kind and scope are the entry's.
    [DirectoryEntryId] public string? DirectoryId { get; set; }
    [ShortText] public string? Name { get; set; }
    [ShortText] public string? ShortName { get; set; }
    /// What kind of accredited entity it is; the access modality follows from it.
    public AccreditedEntityKind? Kind { get; set; }
    /// Derived from <see cref="Kind"/> (direct for national and regional entities): kept in the
    /// file for the templates and for files that give only this one (see <see cref="Settle"/>).
    public AccessModality? AccessModality { get; set; }
    public AccreditationScope Scope { get; set; } = new();

    public static AccessModality ModalityOf(AccreditedEntityKind kind) =>
        kind == AccreditedEntityKind.InternationalAccess ? Model.AccessModality.International : Model.AccessModality.Direct;

    /// Makes the kind and the access modality one answer: the modality follows from the kind;
    /// a file that gives only the modality keeps it (international implies the kind). False when
    /// both are given and disagree, which the caller reports as an input error.
    public bool Settle()
    {
        if (Kind is { } kind)
        {
            if (AccessModality is { } given && given != ModalityOf(kind))
                return false;
            AccessModality = ModalityOf(kind);
        }
        else if (AccessModality == Model.AccessModality.International)
        {
            Kind = AccreditedEntityKind.InternationalAccess;
        }
        return true;
    }
}

/// An entry id of the accredited-entity directory ("APL027", "afd").
[AttributeUsage(AttributeTargets.Property)]
public sealed class DirectoryEntryIdAttribute : Attribute
{
    public const int MaxLength = 40;
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

/// Where a document stands. NotRequired says the project needs none (an ESIA for a category C
/// project); the rules say where that answer is not open to the applicant.
public enum DocumentStatus { NotStarted, Requested, Draft, Final, Attached, NotRequired }
