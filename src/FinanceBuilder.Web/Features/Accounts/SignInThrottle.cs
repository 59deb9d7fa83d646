using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.RateLimits;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Accounts;

/// Counts failed sign-ins per network address: after 10 failures in 15 minutes that address
/// gets 429 with Retry-After (T07 b: one password sprayed over many accounts), while successful
/// sign-ins are not counted, so 50 colleagues behind one office address all get in (T07 c).
/// Per-account lockout is Identity's (5 failures, 15 minutes). The count is in the database, in
/// one-minute buckets summed over the last 15 minutes, so every node sees the failures made on
/// the others (issue 19: each process used to count alone, N nodes allowing N× the attempts).
public sealed class SignInThrottle(FinanceBuilderDbContext db, TimeProvider clock, IOptions<FinanceBuilderOptions> settings)
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(15);

    /// Null when the address may try; otherwise how long it must wait.
    public async Task<TimeSpan?> BlockedAsync(string address, CancellationToken ct)
    {
        var (failures, wait) = await RateCounters.SumAsync(db, Key(address), Bucket, Span, clock.GetUtcNow(), ct);
        return failures >= settings.Value.SignIn.FailuresPerAddress ? wait : null;
    }

    public Task FailedAsync(string address, CancellationToken ct) =>
        RateCounters.AddAsync(db, Key(address), Bucket, clock.GetUtcNow(), 1, ct);

    private static string Key(string address) => "sign-in-failures|" + address;

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// The answer to a throttled sign-in step (password or code): 429 with Retry-After in seconds;
    /// returns the whole minutes the page says to wait.
    public static int AnswerThrottled(HttpResponse response, TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? TimeSpan.FromMinutes(1);
        SharedRateLimitMiddleware.TooMany(response, wait);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
    }
}
