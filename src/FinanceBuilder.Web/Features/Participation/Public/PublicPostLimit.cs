using System.Security.Cryptography;
using System.Text;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// How many comments and grievances one network address may post in an hour
/// (Participation:PostsPerAddressPerHour), counted in the database — not in the process — so that
/// several nodes refuse the same flood. Every post counts, refused ones too (a bot failing the
/// honeypot or the checks is still a flood). The address is stored as a hash with the day, and
/// rows older than the hour are deleted as posts come, so no list of who posted builds up.
public sealed class PublicPostLimit(FinanceBuilderDbContext db, TimeProvider clock, IOptions<FinanceBuilderOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// Counts the request's post; when the address has already posted its share this hour, answers
    /// 429 with Retry-After and gives the message to show in the reader's language.
    public async Task<string?> RefusedAsync(HttpContext context, System.Globalization.CultureInfo culture, CancellationToken ct)
    {
        if (await TryCountAsync(Accounts.SignInThrottle.AddressOf(context), ct))
            return null;
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return ParticipationText.Texts.Format(culture, "Public.Error.TooMany");
    }

    /// Counts this post; false when the address has already posted its share this hour.
    public async Task<bool> TryCountAsync(string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var key = KeyOf(address, DateOnly.FromDateTime(now));
        await db.PostAttempts.Where(a => a.At < since).ExecuteDeleteAsync(ct);
        var posted = await db.PostAttempts.CountAsync(a => a.AddressKey == key && a.At >= since, ct);
        if (posted >= options.Value.Participation.PostsPerAddressPerHour)
            return false;
        db.PostAttempts.Add(new PostAttempt { AddressKey = key, At = now });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// The address as stored: a SHA-256 of it with the day, so rows of one day cannot be joined
    /// with the next day's, and the address itself is nowhere.
    public static string KeyOf(string address, DateOnly day) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{day:yyyy-MM-dd}|{address}")));
}
