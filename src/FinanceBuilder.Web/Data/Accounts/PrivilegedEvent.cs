namespace FinanceBuilder.Web.Data.Accounts;

/// One privileged action, for the platform administrators' trail (issue 19): a role changed, a
/// person or organisation disabled or enabled, an agency link made or ended, an invitation sent
/// or revoked, an account created, a review released or withdrawn, template packs reloaded, the
/// entity directory replaced, two-step sign-in switched on or off. Who (the person and their
/// organisation), what (the action and a short summary), concerning whom (organisation and
/// person), when, and from where (the network address; "command line" for a command).
/// Rows are only ever added.
public sealed class PrivilegedEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? ActorOrganisationId { get; set; }
    public string Address { get; set; } = "";
    /// role-changed, account-disabled, organisation-created, agency-linked, invitation-sent… (the
    /// catalogue is PrivilegedActionTrail's).
    public string Action { get; set; } = "";
    /// The organisation concerned (for an agency link, the agency).
    public Guid? OrganisationId { get; set; }
    /// The other organisation of an agency link (the one supported).
    public Guid? RelatedOrganisationId { get; set; }
    /// The person concerned, when the action is about one.
    public Guid? UserId { get; set; }
    /// What people typed or named — an e-mail address, an organisation's or a file's name — never
    /// translated. What the app itself knows (a role, a kind, a recommendation, a count) is in
    /// Before/After, shown in the reader's language (PrivilegedEventText).
    public string Summary { get; set; } = "";
    /// The value before the change and after it (or the one value): an enum's name, an
    /// organisation's id, a count — written by the app, never typed.
    public string? Before { get; set; }
    public string? After { get; set; }
    /// The account or invitation made is a platform administrator's.
    public bool GrantsPlatformAdmin { get; set; }

    public const int MaxSummary = 1000;
    public const int MaxValue = 100;
}
