using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Notifications;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Notifications;

/// Sends the e-mails people asked for, through the e-mail sender (the outbox without a mail
/// server): each immediate notification alone, the digest once a day with everything marked for
/// it since the last one. A row is claimed (its EmailedAt set by a conditional update) before its
/// mail goes, so several nodes never send the same one twice. People have no language setting
/// yet: the mail is written in English and French.
public sealed class NotificationMailer(FinanceBuilderDbContext db, IEmailSender email, PublicLinks links, ILogger<NotificationMailer> log)
{
    /// The digest goes at this hour (UTC) with what came before it.
    public const int DigestHour = 6;

    public static DateTime DigestCutoff(DateTime now)
    {
        var today = now.Date.AddHours(DigestHour);
        return now >= today ? today : today.AddDays(-1);
    }

    /// Sends what is due at <paramref name="now"/>; returns the number of e-mails sent.
    public async Task<int> SendDueAsync(DateTime now, CancellationToken ct)
    {
        db.Access.ActAsSystem();
        // Whole milliseconds: the claim's time is read back as the digest's mark, and PostgreSQL
        // keeps microseconds where .NET has ticks.
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var sent = 0;
        var immediate = await db.Notifications.AsNoTracking()
            .Where(n => n.Email == EmailDelivery.Immediate && n.EmailedAt == null)
            .OrderBy(n => n.CreatedAt).Take(200).ToListAsync(ct);
        foreach (var n in immediate)
        {
            if (await db.Notifications.Where(x => x.Id == n.Id && x.EmailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailedAt, now), ct) != 1)
                continue;
            if (await AddressAsync(n.UserId, ct) is not { } to)
                continue;
            await email.SendAsync(new OutgoingEmail(to, Subject(n), Both(c => Line(n, c) + "\n" + links.To(n.Link))), ct);
            sent++;
        }

        var cutoff = DigestCutoff(now);
        var waiting = await db.Notifications.AsNoTracking()
            .Where(n => n.Email == EmailDelivery.Digest && n.EmailedAt == null && n.CreatedAt < cutoff)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        foreach (var person in waiting)
        {
            // All of the person's waiting rows in one statement: a second node claims none.
            if (await db.Notifications.Where(x => x.UserId == person && x.Email == EmailDelivery.Digest && x.EmailedAt == null && x.CreatedAt < cutoff)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailedAt, now), ct) == 0)
                continue;
            var items = await db.Notifications.AsNoTracking()
                .Where(x => x.UserId == person && x.Email == EmailDelivery.Digest && x.EmailedAt == now)
                .OrderBy(x => x.CreatedAt).ToListAsync(ct);
            if (await AddressAsync(person, ct) is not { } to || items.Count == 0)
                continue;
            var subject = string.Join(" / ", Cultures.Select(c => NotificationText.Texts.Count(c, "Digest.Subject", items.Count)));
            await email.SendAsync(new OutgoingEmail(to, subject, Both(c => string.Join("\n", items.Select(i => "- " + Line(i, c) + "\n  " + links.To(i.Link))))), ct);
            sent++;
        }
        if (sent > 0)
            log.LogInformation("{Count} notification e-mails sent", sent);
        return sent;
    }

    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("fr")];

    private async Task<string?> AddressAsync(Guid user, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == user && u.DisabledAt == null).Select(u => u.Email).FirstOrDefaultAsync(ct);

    private static string Subject(Notification n) => string.Join(" / ", Cultures.Select(c => NotificationText.Texts.Format(c, "Subject." + n.Kind, n.Title)));

    public static string Line(Notification n, CultureInfo culture) => NotificationText.Texts.Format(culture, "Line." + n.Kind, n.Title, n.Actor);

    private static string Both(Func<CultureInfo, string> text)
    {
        var body = new StringBuilder();
        foreach (var culture in Cultures)
            body.Append(text(culture)).Append("\n\n");
        body.Append(NotificationText.Texts.Format(Cultures[0], "Footer")).Append('\n').Append(NotificationText.Texts.Format(Cultures[1], "Footer"));
        return body.ToString();
    }
}

/// Runs the mailer every minute, the first time a minute after start (a starting node has other
/// work, and tests drive the mailer themselves).
public sealed class NotificationMailerService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationMailerService> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database that is briefly away: the next minute tries again.
                    log.LogWarning(e, "Notification e-mails did not go");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host stops.
        }
    }
}
