using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// No default account or password exists (ASVS 6.3.2). While there is no platform
/// administrator, each start prints a new one-time link (valid 24 hours) that creates the
/// first one; older links stop working.
public static class FirstAdministrator
{
    public static async Task PrintLinkIfNeededAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(services, out var db);
        if (await db.Users.AnyAsync(u => u.IsPlatformAdmin && u.DisabledAt == null, ct))
            return;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await db.Invitations.Where(i => i.GrantsPlatformAdmin && i.AcceptedAt == null && i.RevokedAt == null && i.InvitedByUserId == null && i.Email == "")
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.RevokedAt, now), ct);
        var token = await scope.ServiceProvider.GetRequiredService<Invitations>().CreateAsync(null, "", MemberRole.OrganisationAdmin, platformAdmin: true, invitedBy: null, ct);
        var link = scope.ServiceProvider.GetRequiredService<PublicLinks>().To(Invitations.SetupPath(token));
        logger.LogWarning("No administrator exists yet. Open this one-time link within 24 hours to create the first one:\n\n    {Link}\n", link);
    }
}
