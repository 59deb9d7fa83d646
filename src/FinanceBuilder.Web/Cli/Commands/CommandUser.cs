using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Cli.Commands;

/// Commands that read or write proposals act for a named account (`--as email`) and see
/// exactly what that person sees in the browser: the same AccessScope, the same query filters.
public static class CommandUser
{
    /// Null when the scope now acts for the account; otherwise why it cannot.
    /// A missing --as is refused before (CliHost.ActingAsAsync: bad usage, not bad input).
    public static async Task<string?> ActAsAsync(IServiceProvider scoped, string email)
    {
        var db = scoped.GetRequiredService<FinanceBuilderDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        if (user is null || user.DisabledAt is not null)
            return $"--as {email}: no enabled account has this email address";
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == user.OrganisationId);
        if (organisation.DisabledAt is not null)
            return $"--as {email}: the account's organisation is disabled";
        await Features.Accounts.AccessScopeLoader.SignInAsync(db, user, organisation, CancellationToken.None);
        return null;
    }
}
