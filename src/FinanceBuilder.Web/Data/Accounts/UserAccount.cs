using Microsoft.AspNetCore.Identity;

namespace FinanceBuilder.Web.Data.Accounts;

/// A person who signs in (design D11). Identity keeps the password hash, lockout counters and
/// reset tokens; we add the organisation the person belongs to and their role in it. One
/// organisation per account keeps the answer to "what may this person see" simple and the
/// cookie small: none of this is put in the cookie, it is read on each request (T11).
public sealed class UserAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public MemberRole Role { get; set; } = MemberRole.Editor;
    /// Manages organisations and template packs; sees no proposal because of it.
    public bool IsPlatformAdmin { get; set; }
    /// A disabled account cannot sign in and its open sessions end on their next request.
    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// What a member may do in their organisation.
public enum MemberRole
{
    /// Reads the organisation's proposals (or, in a donor, its shared submissions).
    Reader,
    /// Edits proposals (or, in a donor, scores submissions).
    Editor,
    /// Editor, and invites, changes and disables members.
    OrganisationAdmin,
}
