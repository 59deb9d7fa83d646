namespace FinanceBuilder.Web.Data;

/// A stored proposal: the JSON document (the source of truth) plus the few columns that lists
/// and access control need without opening the document.
public sealed class ProposalRecord
{
    public Guid Id { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public string? Title { get; set; }
    public string Fund { get; set; } = "";
    public string? Route { get; set; }
    public ProposalStatus Status { get; set; } = ProposalStatus.Draft;
    public string Language { get; set; } = "en";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// App-managed concurrency token (SQLite cannot generate row versions): every save adds one,
    /// and an UPDATE only matches the version the writer read (design D10).
    public int Version { get; set; }
    public int SchemaVersion { get; set; }
    public string Document { get; set; } = "";
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// The wizard pages whose checks are shown beside their questions: those saved at least
    /// once, as a comma-separated list of step ids, or "*" for every page (a proposal that came
    /// complete from a file, the API or a copy). Errors never wait under a question nobody has
    /// reached yet (docs/decisions/0012-one-proposal-pipeline.md).
    public string CheckedSteps { get; set; } = "*";

    /// What the participation records say (EngagementEvidence, without the inputs' texts), kept
    /// beside the document — never in it — and refreshed by EngagementRecords whenever a record
    /// changes; null before the first record.
    public string? Engagement { get; set; }

    // The home list's figures, computed from the document and its checks at every save
    // (ProposalColumns) so that listing 50 proposals opens none of them. Null on a row saved
    // before these columns existed: the list computes those from the document.
    public int? ListingSectionsDone { get; set; }
    public int? ListingSectionsTotal { get; set; }
    public int? ListingReadiness { get; set; }
    public DateOnly? ListingTargetBoardDate { get; set; }
}

public enum ProposalStatus { Draft, ReadyToSubmit, Submitted, Withdrawn }

/// A municipality, region, planning agency or donor: the tenant that owns proposals (D11).
public sealed class OrganisationRecord
{
    public const int MaxIatiIdentifier = 100;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Accounts.OrganisationKind Kind { get; set; } = Accounts.OrganisationKind.Municipality;
    /// ISO 3166-1 alpha-2, where the organisation works.
    public string? Country { get; set; }
    /// The organisation identifier it registered for IATI ("XM-DAC-41114", "GB-COH-01234567"),
    /// under which its catalogue actions are reported; none until an administrator records it.
    public string? IatiIdentifier { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DisabledAt { get; set; }
    /// Set by the organisation's administrators: every member must use two-step sign-in.
    public bool RequireTwoFactor { get; set; }
    /// Set once the sample proposals were loaded, so deleting them never brings them back.
    public DateTime? DemoLoadedAt { get; set; }
}
