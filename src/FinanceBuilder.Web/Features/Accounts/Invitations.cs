using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// One-time links that create an account: a colleague invited into an organisation
/// (/account/join/…), or a platform administrator (/account/setup/…).
public sealed class Invitations(FinanceBuilderDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan MemberLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan AdministratorLifetime = TimeSpan.FromHours(24);

    public static string JoinPath(string token) => "/account/join/" + token;
    public static string SetupPath(string token) => "/account/setup/" + token;

    /// Stores the invitation and returns the token for the link (shown once, never stored).
    public async Task<string> CreateAsync(Guid? organisationId, string email, MemberRole role, bool platformAdmin, Guid? invitedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = OneTimeTokens.New();
        db.Invitations.Add(new Invitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Email = email.Trim(),
            Role = role,
            GrantsPlatformAdmin = platformAdmin,
            TokenHash = OneTimeTokens.Hash(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + (platformAdmin ? AdministratorLifetime : MemberLifetime),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// The open invitation of a token: not used, not revoked, not expired.
    public async Task<Invitation?> FindOpenAsync(string? token, bool platformAdmin, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return null;
        var hash = OneTimeTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.FirstOrDefaultAsync(
            i => i.TokenHash == hash && i.GrantsPlatformAdmin == platformAdmin && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }
}
