using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Notifications;

/// The one place notifications are made: one row per person, marked for an e-mail at once, for
/// the digest or for none as that person chose. The rows join the caller's unit of work, so the
/// action and its notifications are saved together or not at all; the mailer sends later.
public static class Notifier
{
    public const EmailDelivery Default = EmailDelivery.Immediate;

    public static async Task AddAsync(FinanceBuilderDbContext db, IReadOnlyCollection<Guid> people, NotificationKind kind, string title, string actor, string link, DateTime now, CancellationToken ct)
    {
        var recipients = people.Distinct().Where(p => p != db.Access.UserId).ToList();
        if (recipients.Count == 0)
            return;
        // Each person reads only their own choices; here the sender reads the recipients' —
        // their e-mail choice for this kind and nothing else.
        var chosen = await db.NotificationPreferences.IgnoreQueryFilters().AsNoTracking()
            .Where(p => recipients.Contains(p.UserId) && p.Kind == kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Email, ct);
        foreach (var person in recipients)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(),
                UserId = person,
                Kind = kind,
                Title = Cut(title, 500),
                Actor = Cut(actor, 500),
                Link = link,
                CreatedAt = now,
                Email = chosen.GetValueOrDefault(person, Default),
            });
        }
    }

    /// The active members of an organisation (all of them: readers are told too).
    public static Task<List<Guid>> MembersAsync(FinanceBuilderDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
