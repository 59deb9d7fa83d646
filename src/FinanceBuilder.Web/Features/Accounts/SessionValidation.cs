using System.Security.Claims;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// Runs on every request that carries a session cookie: the session must still exist on the
/// server, the account and its organisation must be enabled, and the idle and absolute
/// lifetimes must not have passed (T10). Then it tells AccessScope who this is, which the query
/// filters use. The cookie itself holds only the user id and the session id (T11).
public static class SessionValidation
{
    public const string SessionClaim = "sid";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<SessionLifetimes>();
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var sessionId))
        {
            context.RejectPrincipal();
            return;
        }

        var db = services.GetRequiredService<FinanceBuilderDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var found = await (
            from session in db.Sessions
            where session.Id == sessionId && session.UserId == userId && session.EndedAt == null
            join user in db.Users on session.UserId equals user.Id
            join organisation in db.Organisations on user.OrganisationId equals organisation.Id
            select new { session.CreatedAt, session.LastSeenAt, User = user, Organisation = organisation })
            .AsNoTracking().FirstOrDefaultAsync(context.HttpContext.RequestAborted);

        if (found is null || found.User.DisabledAt is not null || found.Organisation.DisabledAt is not null
            || now - found.CreatedAt > options.Absolute || now - found.LastSeenAt > options.Idle)
        {
            if (found is not null)
                await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccountSetup.Scheme);
            return;
        }

        var platformAdminsNeedTwoFactor = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FinanceBuilderOptions>>().Value.TwoFactor.RequiredForPlatformAdmins;
        await AccessScopeLoader.SignInAsync(db, found.User, found.Organisation, context.HttpContext.RequestAborted, platformAdminsNeedTwoFactor);

        // Idle time is measured on the server; the row is touched at most once a minute.
        if (now - found.LastSeenAt > TimeSpan.FromMinutes(1))
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
    }
}

/// Idle 30 minutes, absolute 12 hours (reliability-tests, recommended values).
public sealed record SessionLifetimes(TimeSpan Idle, TimeSpan Absolute)
{
    public static SessionLifetimes From(Configuration.FinanceBuilderOptions options) => new(
        TimeSpan.FromMinutes(options.Sessions.IdleMinutes),
        TimeSpan.FromHours(options.Sessions.AbsoluteHours));
}
