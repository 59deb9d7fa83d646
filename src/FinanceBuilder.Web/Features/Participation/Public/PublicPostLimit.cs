using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.RateLimits;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// How many comments and grievances one network address may post in an hour
/// (Participation:PostsPerAddressPerHour), counted in the shared counters every node uses
/// (RateLimits/RateCounters: hashed keys, one atomic upsert per post), so several nodes refuse the
/// same flood. Every post counts, refused ones too (a bot failing the honeypot or the checks is
/// still a flood). The hour slides in 5-minute steps.
public sealed class PublicPostLimit(FinanceBuilderDbContext db, TimeProvider clock, IOptions<FinanceBuilderOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// Counts the request's post; when the address has already posted its share this hour, answers
    /// 429 with Retry-After (until its oldest post of the hour leaves it) and gives the message to
    /// show in the reader's language (<paramref name="messageKey"/>: the form's own words, comments
    /// or grievances).
    public async Task<string?> RefusedAsync(HttpContext context, System.Globalization.CultureInfo culture, string messageKey, CancellationToken ct)
    {
        if (await TryCountAsync(Accounts.SignInThrottle.AddressOf(context), ct) is not { } wait)
            return null;
        SharedRateLimitMiddleware.TooMany(context.Response, wait);
        return ParticipationText.Texts.Format(culture, messageKey);
    }

    /// Counts this post; null when it is within the address's share of the hour, else how long
    /// until the oldest post of the hour leaves it.
    public async Task<TimeSpan?> TryCountAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = "public-post:" + address;
        // The count of this step is atomic: of two posts at once, the later sees the earlier.
        await RateCounters.AddAsync(db, key, Step, now, 1, ct);
        var (posted, untilOldestLeaves) = await RateCounters.SumAsync(db, key, Step, Window, now, ct);
        return posted <= options.Value.Participation.PostsPerAddressPerHour ? null : untilOldestLeaves;
    }
}
