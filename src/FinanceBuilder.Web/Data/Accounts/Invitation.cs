namespace FinanceBuilder.Web.Data.Accounts;

/// A one-time link to create an account: a colleague invited to an organisation, or the first
/// platform administrator (printed on the console at first start, or by `create-admin`). Only
/// the SHA-256 of the token is stored, so a copy of the database opens no account.
public sealed class Invitation
{
    public Guid Id { get; set; }
    /// Null for a platform-administrator link, whose user names their own organisation.
    public Guid? OrganisationId { get; set; }
    public string Email { get; set; } = "";
    public MemberRole Role { get; set; }
    public bool GrantsPlatformAdmin { get; set; }
    public string TokenHash { get; set; } = "";
    public Guid? InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
