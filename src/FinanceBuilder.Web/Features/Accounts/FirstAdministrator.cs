using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// No default account or password exists (ASVS 6.3.2). While there is no platform
/// administrator, each start prints a new one-time link (valid 24 hours) that creates the
/// first one; older links stop working. The link goes to the operator's console only, never
/// through the log (whose providers may keep it in files or ship it elsewhere): the log just says
/// that it was printed (issue 19).
public static class FirstAdministrator
{
    private static readonly TimeSpan SameStartWindow = TimeSpan.FromMinutes(2);

    public static async Task PrintLinkIfNeededAsync(IServiceProvider services, ILogger logger, OperatorConsole console, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(services, out var db);
        if (await db.Users.AnyAsync(u => u.IsPlatformAdmin && u.DisabledAt == null, ct))
            return;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Several nodes starting together: the first prints the link, the others leave it valid
        // (revoking it would leave the operator with a dead link from the first node's console).
        var recent = now - SameStartWindow;
        if (await db.Invitations.AnyAsync(i => i.GrantsPlatformAdmin && i.AcceptedAt == null && i.RevokedAt == null && i.InvitedByUserId == null && i.Email == "" && i.CreatedAt > recent, ct))
        {
            logger.LogWarning("No administrator exists yet: another node printed a one-time set-up link on its console less than {Minutes} minutes ago", SameStartWindow.TotalMinutes);
            return;
        }
        await db.Invitations.Where(i => i.GrantsPlatformAdmin && i.AcceptedAt == null && i.RevokedAt == null && i.InvitedByUserId == null && i.Email == "")
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.RevokedAt, now), ct);
        var token = await scope.ServiceProvider.GetRequiredService<Invitations>().CreateAsync(null, "", MemberRole.OrganisationAdmin, platformAdmin: true, invitedBy: null, ct);
        var link = scope.ServiceProvider.GetRequiredService<PublicLinks>().To(Invitations.SetupPath(token));
        await console.Writer.WriteLineAsync($"\nNo administrator exists yet. Open this one-time link within 24 hours to create the first one:\n\n    {link}\n");
        await console.Writer.FlushAsync(ct);
        logger.LogWarning("No administrator exists yet: a one-time set-up link was printed on the console (a new one at each start until the first administrator exists; `create-admin <email>` makes one too)");
    }
}
