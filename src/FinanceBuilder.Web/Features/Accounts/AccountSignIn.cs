using System.Security.Claims;
using System.Security.Cryptography;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// Signing in and out. One answer for every failure — unknown email, wrong password, locked or
/// disabled account — and the same work for each (an unknown email still verifies a password
/// hash), so neither the message, the status nor the time tells whether an account exists (T08).
public sealed class AccountSignIn(
    UserManager<UserAccount> users,
    FinanceBuilderDbContext db,
    SignInThrottle throttle,
    TimeProvider clock,
    IHttpContextAccessor http,
    Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings,
    ILogger<AccountSignIn> logger)
{
    // A hash of a random password, verified when the email is unknown so that the answer takes
    // as long as for a known one. Made by the app's own hasher, so that it costs the same
    // number of iterations as the accounts' hashes (a setting).
    private static string? dummyHash;

    private string DummyHash => dummyHash ??= users.PasswordHasher.HashPassword(new UserAccount(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public enum Outcome { SignedIn, Refused, Throttled, SecondStep, CodeUsed }

    /// SecondStep: the password was right and the account uses two-step sign-in; no session yet.
    public sealed record Result(Outcome Outcome, TimeSpan? RetryAfter = null, UserAccount? User = null);

    public async Task<Result> PasswordAsync(string email, string password, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await CheckAsync(email, password, ct);
        // Every refusal takes at least the same time: a known account's refusal also writes its
        // failure count, which an unknown address cannot, and that write would otherwise tell
        // the two apart (T08). Throttled answers are immediate: they say nothing about accounts.
        if (result.Outcome == Outcome.Refused)
            await RefusalTime.PadAsync(started, settings.Value, ct);
        return result;
    }

    private async Task<Result> CheckAsync(string email, string password, CancellationToken ct)
    {
        var context = http.HttpContext!;
        var address = SignInThrottle.AddressOf(context);
        if (await throttle.BlockedAsync(address, ct) is { } wait)
        {
            logger.LogWarning("Sign-in refused for {Address}: too many failures", address);
            return new Result(Outcome.Throttled, wait);
        }

        var user = string.IsNullOrWhiteSpace(email) || password.Length > CommonPasswords.MaxLength
            ? null
            : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.DisabledAt is not null)
        {
            users.PasswordHasher.VerifyHashedPassword(new UserAccount(), DummyHash, password);
            return await FailedAsync(address, "unknown or disabled account");
        }
        if (await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user, DummyHash, password);
            return await FailedAsync(address, $"locked account {user.Id}");
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await FailedAsync(address, $"wrong password for {user.Id}");
        }

        // A disabled organisation's people cannot sign in either (the session check would end
        // the session at its first request anyway). Asked only after the right password, so the
        // answer says nothing more than a wrong password would.
        if (!await db.Organisations.AnyAsync(o => o.Id == user.OrganisationId && o.DisabledAt == null, ct))
            return await FailedAsync(address, $"organisation of {user.Id} disabled");

        if (user.TwoFactorEnabled)
            return new Result(Outcome.SecondStep, User: user);
        await users.ResetAccessFailedCountAsync(user);
        await StartSessionAsync(user, ct);
        logger.LogInformation("User {User} signed in from {Address}", user.Id, address);
        return new Result(Outcome.SignedIn);
    }

    /// The second step: a code from the authenticator app or a recovery code, for the account
    /// that passed its password a moment ago (its security stamp unchanged since). Wrong codes
    /// count like wrong passwords: towards the address's throttle and the account's lockout.
    public async Task<Result> CodeAsync(Guid userId, string securityStamp, string? code, CancellationToken ct)
    {
        var address = SignInThrottle.AddressOf(http.HttpContext!);
        if (await throttle.BlockedAsync(address, ct) is { } wait)
            return new Result(Outcome.Throttled, wait);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.DisabledAt is not null || !user.TwoFactorEnabled || user.SecurityStamp != securityStamp || await users.IsLockedOutAsync(user))
            return await FailedAsync(address, $"second step refused for {userId}");
        var check = await TwoStep.TwoFactorCodes.CheckAsync(users, db, clock, user, code, recoveryCodes: true, ct);
        if (check != TwoStep.TwoFactorCodes.Check.Right)
        {
            // A code used again counts as a failure too: it may be someone who saw it typed.
            await users.AccessFailedAsync(user);
            var failed = await FailedAsync(address, check == TwoStep.TwoFactorCodes.Check.Used ? $"code used again for {user.Id}" : $"wrong code for {user.Id}");
            return check == TwoStep.TwoFactorCodes.Check.Used ? failed with { Outcome = Outcome.CodeUsed } : failed;
        }
        await users.ResetAccessFailedCountAsync(user);
        await StartSessionAsync(user, ct);
        logger.LogInformation("User {User} signed in with two steps from {Address}", user.Id, address);
        return new Result(Outcome.SignedIn);
    }

    private async Task<Result> FailedAsync(string address, string why)
    {
        await throttle.FailedAsync(address, CancellationToken.None);
        logger.LogWarning("Sign-in failed from {Address}: {Reason}", address, why);
        return new Result(Outcome.Refused);
    }

    /// A new server-side session and a new cookie: a cookie from before signing in never
    /// authenticates (T09).
    public async Task StartSessionAsync(UserAccount user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Signing in again in the same browser ends the session it had: one browser, one session.
        if (Guid.TryParse(http.HttpContext!.User.FindFirstValue(SessionValidation.SessionClaim), out var previous))
            await db.Sessions.Where(s => s.Id == previous).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
        var session = new SessionRecord { Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now, LastSeenAt = now };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(SessionValidation.SessionClaim, session.Id.ToString())],
            AccountSetup.Scheme);
        await http.HttpContext!.SignInAsync(AccountSetup.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false, IssuedUtc = now });
    }

    /// Ends this browser's session on the server, so a copy of the cookie is worthless (T10).
    public async Task SignOutAsync(CancellationToken ct)
    {
        var context = http.HttpContext!;
        if (Guid.TryParse(context.User.FindFirstValue(SessionValidation.SessionClaim), out var sessionId))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
        }
        await context.SignOutAsync(AccountSetup.Scheme);
    }

    /// Every session of an account ends: on disabling it, and after a password reset.
    public static Task EndAllSessionsAsync(FinanceBuilderDbContext db, Guid userId, DateTime now, CancellationToken ct) =>
        db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
}
