using FinanceBuilder.Web.Data.Accounts;

namespace FinanceBuilder.Web.Data;

/// What the current request may see (design D11). Filled once per request from the signed-in
/// account (Accounts/SessionValidation), read by the query filters of FinanceBuilderDbContext at
/// query time — the one place every read of tenant data goes through. By default it sees
/// nothing: a request nobody signed in to, or code that forgot to say who it acts for, gets
/// empty lists and 404s, never another organisation's data.
public sealed class AccessScope
{
    /// The organisation of a fresh installation and of its demo proposals; the first
    /// administrator's organisation becomes this one (Accounts/FirstAdministrator).
    public static readonly Guid WorkspaceOrganisationId = new("6f1f4c1e-0000-4000-8000-000000000001");

    public bool SeesAllOrganisations { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public OrganisationKind? Kind { get; private set; }
    public MemberRole? Role { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    /// Two-step sign-in is required of this person (a platform administrator, or their
    /// organisation asks it of its members) and not set up yet: every page but the account's own
    /// sends them to set it up (Accounts/TwoStep/TwoStepGate).
    public bool MustSetUpTwoFactor { get; private set; }

    /// The organisations whose proposals this person works on: their own and, for a planning
    /// agency, the ones it supports. A donor has none.
    public IReadOnlyList<Guid> ProposalOrganisationIds { get; private set; } = [];

    public bool IsSignedIn => UserId is not null;
    public bool IsApplicant => Kind is not null and not OrganisationKind.Donor;
    public bool IsDonor => Kind == OrganisationKind.Donor;
    public bool CanEditProposals => IsApplicant && Role is MemberRole.Editor or MemberRole.OrganisationAdmin;
    public bool CanScore => IsDonor && Role is MemberRole.Editor or MemberRole.OrganisationAdmin;
    public bool IsOrganisationAdmin => Role == MemberRole.OrganisationAdmin;

    /// The signed-in member of an organisation.
    public void SignIn(UserAccount user, OrganisationRecord organisation, IReadOnlyList<Guid> supportedOrganisations, bool platformAdminsNeedTwoFactor = false)
    {
        MustSetUpTwoFactor = !user.TwoFactorEnabled && (organisation.RequireTwoFactor || (user.IsPlatformAdmin && platformAdminsNeedTwoFactor));
        var kind = organisation.Kind;
        OrganisationName = organisation.Name;
        UserId = user.Id;
        UserName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        OrganisationId = user.OrganisationId;
        Kind = kind;
        Role = user.Role;
        IsPlatformAdmin = user.IsPlatformAdmin;
        ProposalOrganisationIds = kind == OrganisationKind.Donor ? [] : [user.OrganisationId, .. supportedOrganisations];
    }

    /// Start-up work and migrations: the machine's own tasks, never a request.
    public void ActAsSystem() => SeesAllOrganisations = true;

    /// The demo loader: writes into one organisation as if one of its editors did.
    public void ActForOrganisation(Guid organisationId)
    {
        OrganisationId = organisationId;
        Kind = OrganisationKind.Municipality;
        Role = MemberRole.Editor;
        ProposalOrganisationIds = [organisationId];
    }
}
