using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Reminds an organisation's editors, and those of the agencies supporting it, of a report coming
/// due and of one that is late, through the e-mail sender (the outbox when no mail server is set):
/// 60, 30 and 7 days before the due date, on the day, then every week while it is late, until the
/// round is marked sent. Only the latest
/// reminder that has come due is sent (a server that was off for a month does not send four at
/// once), and each once: its row is stored before the mail goes.
public sealed class ReportingReminders(FinanceBuilderDbContext db, IEmailSender email, PublicLinks links, ILogger<ReportingReminders> log)
{
    public static readonly int[] BeforeDue = [-60, -30, -7, 0];

    /// The reminder due on a day <paramref name="daysFromDue"/> from the due date, if any.
    public static int? ReminderFor(int daysFromDue) =>
        daysFromDue < BeforeDue[0] ? null
        : daysFromDue < 7 ? BeforeDue.Last(o => o <= daysFromDue)
        : daysFromDue / 7 * 7;

    /// Sends what has come due on <paramref name="today"/>; returns the number of e-mails sent.
    public async Task<int> SendDueAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        db.Access.ActAsSystem();
        var horizon = today.AddDays(-BeforeDue[0]);
        var rounds = await db.ReportingRounds.AsNoTracking()
            .Where(r => r.SentAt == null && r.DueOn <= horizon)
            .Join(db.Proposals.AsNoTracking(), r => r.ProposalId, p => p.Id, (r, p) => new { Round = r, p.Title, p.Language })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var item in rounds)
        {
            var days = today.DayNumber - item.Round.DueOn.DayNumber;
            if (ReminderFor(days) is not { } offset)
                continue;
            if (await db.Reminders.AsNoTracking().AnyAsync(r => r.RoundId == item.Round.Id && r.DaysFromDue == offset, ct))
                continue;
            var people = await RecipientsAsync(item.Round.OrganisationId, ct);
            db.Reminders.Add(new ReminderRecord
            {
                RoundId = item.Round.Id,
                DaysFromDue = offset,
                ProposalId = item.Round.ProposalId,
                OrganisationId = item.Round.OrganisationId,
                SentAt = now,
                Recipients = people.Count,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node stored it first: that one sends it.
                db.ChangeTracker.Clear();
                continue;
            }
            var culture = CultureInfo.GetCultureInfo(item.Language == "fr" ? "fr" : "en");
            var message = Message(item.Title ?? "", item.Round, offset, culture);
            foreach (var address in people)
            {
                await email.SendAsync(message with { To = address }, ct);
                sent++;
            }
            log.LogInformation("Reminder {Offset} for the {Year} report of {Proposal} sent to {Count} people", offset, item.Round.Year, item.Round.ProposalId, people.Count);
        }
        return sent;
    }

    /// The editors and administrators of the organisation and of the planning agencies that
    /// support it: an agency often writes a municipality's reports (the same agencies whose
    /// members may edit its proposals, as AccessScopeLoader decides).
    private async Task<List<string>> RecipientsAsync(Guid organisationId, CancellationToken ct)
    {
        var agencies = from link in db.AgencyLinks
                       where link.SupportedOrganisationId == organisationId
                       join agency in db.Organisations on link.AgencyId equals agency.Id
                       where agency.Kind == OrganisationKind.PlanningAgency && agency.DisabledAt == null
                       select agency.Id;
        return await db.Users.AsNoTracking()
            .Where(u => (u.OrganisationId == organisationId || agencies.Contains(u.OrganisationId)) && u.DisabledAt == null && u.Email != null
                && (u.Role == MemberRole.Editor || u.Role == MemberRole.OrganisationAdmin))
            .Select(u => u.Email!).Distinct().ToListAsync(ct);
    }

    private OutgoingEmail Message(string title, ReportingRound round, int offset, CultureInfo culture)
    {
        var T = MonitoringText.Texts;
        var due = DateText.Written(round.DueOn, culture);
        var when = offset switch
        {
            < 0 => T.Format(culture, "Reminder.DueIn", -offset, due),
            0 => T.Format(culture, "Reminder.DueToday", due),
            _ => T.Format(culture, "Reminder.Late", offset, due),
        };
        var subject = T.Format(culture, offset > 0 ? "Reminder.SubjectLate" : "Reminder.Subject", round.Year, title);
        var body = T.Format(culture, "Reminder.Body", round.Year, title, when, links.To(MonitoringUrls.Round(round.ProposalId, round.Year)));
        return new OutgoingEmail("", subject, body);
    }
}

/// Runs the reminders at start and then every hour.
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderService> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var now = clock.GetUtcNow().UtcDateTime;
                    await scope.ServiceProvider.GetRequiredService<ReportingReminders>().SendDueAsync(DateOnly.FromDateTime(now), now, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database that is briefly away: the next hour tries again.
                    log.LogWarning(e, "Reporting reminders did not run");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host stops.
        }
    }
}
