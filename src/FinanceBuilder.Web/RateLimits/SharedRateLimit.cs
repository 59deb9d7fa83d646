using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using FinanceBuilder.Web.Data;

namespace FinanceBuilder.Web.RateLimits;

/// Puts an endpoint under a named shared limit (declared with SharedRateLimits.Add).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SharedRateLimitAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// A limit: how many requests one partition (a network address) may make in a fixed window.
public sealed record SharedRatePolicy(Func<IServiceProvider, int> Limit, TimeSpan Window, Func<HttpContext, string> Partition);

/// The limits every node enforces together (issue 19: N nodes used to allow N× the attempts).
/// Each request under a limit is counted in the database (RateCounters); a node's own count in
/// memory goes first, so an address already over its limit here is refused without touching the
/// database at all — a flood costs the database at most one write per allowed request per node.
/// Answers 429 with Retry-After (the rest of the window).
public sealed class SharedRateLimits(Microsoft.Extensions.Options.IOptions<SharedRatePolicies> declared)
{
    private readonly IReadOnlyDictionary<string, SharedRatePolicy> policies = declared.Value.All;
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> local = new(StringComparer.Ordinal);

    /// Counts the request under the policy; null when allowed, else how long to wait.
    public async Task<TimeSpan?> TryTakeAsync(HttpContext context, string name, CancellationToken ct)
    {
        var policy = policies[name];
        var limit = policy.Limit(context.RequestServices);
        var partition = policy.Partition(context);
        var here = local.GetOrAdd(name, _ => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = policy.Window,
            QueueLimit = 0,
        })));
        using (var lease = here.AttemptAcquire(partition))
        {
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : policy.Window;
        }
        var db = context.RequestServices.GetRequiredService<FinanceBuilderDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var (total, left) = await RateCounters.AddAsync(db, $"{name}|{partition}", policy.Window, now, 1, ct);
        return total > limit ? left : null;
    }
}

/// The named limits, each declared by the feature it protects
/// (services.Configure&lt;SharedRatePolicies&gt;(p => p.Add(…))).
public sealed class SharedRatePolicies
{
    private readonly Dictionary<string, SharedRatePolicy> all = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SharedRatePolicy> All => all;

    public void Add(string name, SharedRatePolicy policy) => all.Add(name, policy);
}

/// Enforces the SharedRateLimit of the endpoint a request was routed to.
public static class SharedRateLimitMiddleware
{
    /// Every refusal over a limit answers alike: 429 with Retry-After in whole seconds (at least 1).
    public static void TooMany(HttpResponse response, TimeSpan wait)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    public static IApplicationBuilder UseSharedRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SharedRateLimitAttribute>() is { } limit
            && await context.RequestServices.GetRequiredService<SharedRateLimits>().TryTakeAsync(context, limit.Policy, context.RequestAborted) is { } wait)
        {
            TooMany(context.Response, wait);
            return;
        }
        await next(context);
    });

    public static TBuilder RequireSharedRateLimit<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SharedRateLimitAttribute(policy));
}
