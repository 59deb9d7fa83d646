using System.Threading.RateLimiting;
using FinanceBuilder.Web.Configuration;

namespace FinanceBuilder.Web.Features.Accounts;

/// Counts failed sign-ins per network address: after 10 failures in 15 minutes that address
/// gets 429 with Retry-After (T07 b: one password sprayed over many accounts), while successful
/// sign-ins are not counted, so 50 colleagues behind one office address all get in (T07 c).
/// Per-account lockout is Identity's (5 failures, 15 minutes). Counts are per web node.
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings)
    {
        var limit = settings.Value.SignIn.FailuresPerAddress;
        failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(15),
            SegmentsPerWindow = 15,
            QueueLimit = 0,
        }));
    }

    /// Null when the address may try; otherwise how long it must wait.
    public TimeSpan? Blocked(string address)
    {
        using var lease = failures.AttemptAcquire(address, 0);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
    }

    public void Failed(string address)
    {
        using var _ = failures.AttemptAcquire(address, 1);
    }

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    public void Dispose() => failures.Dispose();
}
