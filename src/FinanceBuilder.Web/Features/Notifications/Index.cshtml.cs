using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Notifications;

/// A person's notifications (the latest first, the new ones marked) and their e-mail choices,
/// kind by kind. Everyone signed in has one; the query filter shows only their own.
public sealed class NotificationsPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public IReadOnlyDictionary<NotificationKind, EmailDelivery> Choices { get; private set; } = new Dictionary<NotificationKind, EmailDelivery>();
    public string? Problem { get; private set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public Dictionary<string, string> Email { get; set; } = [];

    /// The kinds a person of this organisation can receive.
    public IReadOnlyList<NotificationKind> Kinds => access.IsDonor
        ? [NotificationKind.Shared, NotificationKind.Assigned, NotificationKind.Commented, NotificationKind.Answered]
        : [NotificationKind.Released, NotificationKind.Commented];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return Redirect("/notifications");
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        var parsed = new Dictionary<NotificationKind, EmailDelivery>();
        foreach (var kind in Kinds)
        {
            if (!Email.TryGetValue(kind.ToString(), out var text) || !Enum.TryParse<EmailDelivery>(text, ignoreCase: false, out var delivery) || !Enum.IsDefined(delivery))
            {
                Problem = NotificationText.Texts["Page.BadChoice"];
                await LoadAsync(ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
            parsed[kind] = delivery;
        }
        var me = access.UserId!.Value;
        var stored = await db.NotificationPreferences.ToListAsync(ct);
        foreach (var (kind, delivery) in parsed)
        {
            if (stored.FirstOrDefault(p => p.Kind == kind) is { } row)
                row.Email = delivery;
            else
                db.NotificationPreferences.Add(new NotificationPreference { UserId = me, Kind = kind, Email = delivery });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person saving in two tabs at once: the other tab's choice stands.
        }
        return Redirect("/notifications?done=saved#preferences");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(Shown).ToListAsync(ct);
        var stored = await db.NotificationPreferences.AsNoTracking().ToDictionaryAsync(p => p.Kind, p => p.Email, ct);
        Choices = Kinds.ToDictionary(k => k, k => stored.GetValueOrDefault(k, Notifier.Default));
    }
}
