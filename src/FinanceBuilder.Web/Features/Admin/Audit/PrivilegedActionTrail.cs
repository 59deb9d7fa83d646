using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinanceBuilder.Web.Features.Admin.Audit;

/// Every privileged change is recorded in the same transaction as the change itself, by looking
/// at what is being saved rather than by each page remembering to: roles, disabling and enabling
/// people and organisations, accounts created, agency links, invitations, reviews released or
/// withdrawn, two-step sign-in. Like the proposals' trail (Collaboration/AuditTrail) it sits under
/// the DbContext, so the admin pages, the organisation page, Identity's own saves and the command
/// line are all covered; so is the accredited-entity directory replaced. Actions that change no
/// row (template packs reloaded) call Record.
public sealed class PrivilegedActionTrail(TimeProvider clock, IHttpContextAccessor http) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FinanceBuilderDbContext db)
            Inspect(db);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FinanceBuilderDbContext db)
            Inspect(db);
        return base.SavingChanges(eventData, result);
    }

    /// Adds one event to what the context will save next.
    public void Record(FinanceBuilderDbContext db, string action, Guid? organisationId, Guid? userId, string summary, string? after = null) =>
        db.PrivilegedEvents.Add(Event(db.Access, action, organisationId, userId, summary, after: after));

    private void Inspect(FinanceBuilderDbContext db)
    {
        var events = new List<PrivilegedEvent>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case UserAccount user:
                    events.AddRange(Account(db.Access, entry, user));
                    break;
                case OrganisationRecord organisation:
                    events.AddRange(Organisation(db.Access, entry, organisation));
                    break;
                case AgencyLink link when entry.State is EntityState.Added or EntityState.Deleted:
                    var linked = Event(db.Access, entry.State == EntityState.Added ? "agency-linked" : "agency-unlinked", link.AgencyId, null, "");
                    linked.RelatedOrganisationId = link.SupportedOrganisationId;
                    events.Add(linked);
                    break;
                case Invitation invitation:
                    events.AddRange(Invitation(db.Access, entry, invitation));
                    break;
                case DirectoryVersion version when entry.State == EntityState.Added:
                    events.Add(Event(db.Access, version.Action == "reset" ? "directory-reset" : "directory-replaced", null, null,
                        version.FileName ?? "", after: Invariant(version.EntryCount)));
                    break;
                case ReviewRecord review when entry.State == EntityState.Modified || (entry.State == EntityState.Added && review.ReleasedAt is not null):
                    events.AddRange(Review(db.Access, entry, review));
                    break;
            }
        }
        db.PrivilegedEvents.AddRange(events);
    }

    private IEnumerable<PrivilegedEvent> Account(AccessScope access, EntityEntry entry, UserAccount user)
    {
        if (entry.State == EntityState.Added)
        {
            yield return Event(access, "account-created", user.OrganisationId, user.Id, user.Email ?? "", after: user.Role.ToString(), platformAdmin: user.IsPlatformAdmin);
            yield break;
        }
        if (entry.State != EntityState.Modified)
            yield break;
        if (Changed(entry, nameof(UserAccount.Role), out MemberRole before, out MemberRole after))
            yield return Event(access, "role-changed", user.OrganisationId, user.Id, user.Email ?? "", before.ToString(), after.ToString());
        if (Changed(entry, nameof(UserAccount.DisabledAt), out DateTime? wasDisabled, out DateTime? isDisabled) && (wasDisabled is null) != (isDisabled is null))
            yield return Event(access, isDisabled is null ? "account-enabled" : "account-disabled", user.OrganisationId, user.Id, user.Email ?? "");
        if (Changed(entry, nameof(UserAccount.IsPlatformAdmin), out bool _, out bool admin))
            yield return Event(access, admin ? "platform-admin-granted" : "platform-admin-revoked", user.OrganisationId, user.Id, user.Email ?? "");
        if (Changed(entry, nameof(UserAccount.OrganisationId), out Guid from, out Guid to))
            yield return Event(access, "account-moved", to, user.Id, user.Email ?? "", from.ToString(), to.ToString());
        if (Changed(entry, nameof(UserAccount.TwoFactorEnabled), out bool _, out bool twoFactor))
            yield return Event(access, twoFactor ? "mfa-enabled" : "mfa-disabled", user.OrganisationId, user.Id, user.Email ?? "");
    }

    private IEnumerable<PrivilegedEvent> Organisation(AccessScope access, EntityEntry entry, OrganisationRecord organisation)
    {
        if (entry.State == EntityState.Added)
        {
            yield return Event(access, "organisation-created", organisation.Id, null, organisation.Name, after: organisation.Kind.ToString());
            yield break;
        }
        if (entry.State != EntityState.Modified)
            yield break;
        if (Changed(entry, nameof(OrganisationRecord.DisabledAt), out DateTime? was, out DateTime? now) && (was is null) != (now is null))
            yield return Event(access, now is null ? "organisation-enabled" : "organisation-disabled", organisation.Id, null, organisation.Name);
        if (Changed(entry, nameof(OrganisationRecord.Name), out string? oldName, out string? newName))
            yield return Event(access, "organisation-renamed", organisation.Id, null, $"{oldName} → {newName}");
        if (Changed(entry, nameof(OrganisationRecord.Kind), out OrganisationKind oldKind, out OrganisationKind newKind))
            yield return Event(access, "organisation-kind-changed", organisation.Id, null, organisation.Name, oldKind.ToString(), newKind.ToString());
        if (Changed(entry, nameof(OrganisationRecord.RequireTwoFactor), out bool _, out bool required))
            yield return Event(access, required ? "mfa-required" : "mfa-not-required", organisation.Id, null, organisation.Name);
    }

    private IEnumerable<PrivilegedEvent> Invitation(AccessScope access, EntityEntry entry, Invitation invitation)
    {
        // No address: the first administrator's set-up link (PrivilegedEventText says so).
        var action = entry.State == EntityState.Added ? "invitation-sent"
            : entry.State == EntityState.Modified && Changed(entry, nameof(Data.Accounts.Invitation.RevokedAt), out DateTime? was, out DateTime? now) && was is null && now is not null ? "invitation-revoked"
            : null;
        if (action is not null)
            yield return Event(access, action, invitation.OrganisationId, null, invitation.Email, after: invitation.Role.ToString(), platformAdmin: invitation.GrantsPlatformAdmin);
    }

    private IEnumerable<PrivilegedEvent> Review(AccessScope access, EntityEntry entry, ReviewRecord review)
    {
        var was = entry.State == EntityState.Added ? null : entry.Property(nameof(ReviewRecord.ReleasedAt)).OriginalValue as DateTime?;
        if ((was is null) == (review.ReleasedAt is null))
            yield break;
        yield return Event(access, review.ReleasedAt is null ? "review-withdrawn" : "review-released", review.DonorOrganisationId, null,
            "", review.SubmissionId.ToString(), review.Recommendation?.ToString());
    }

    private static bool Changed<T>(EntityEntry entry, string property, out T before, out T after)
    {
        var p = entry.Property(property);
        before = (T)p.OriginalValue!;
        after = (T)p.CurrentValue!;
        return p.IsModified && !EqualityComparer<T>.Default.Equals(before, after);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private PrivilegedEvent Event(AccessScope access, string action, Guid? organisationId, Guid? userId, string summary, string? before = null, string? after = null, bool platformAdmin = false) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        ActorUserId = access.UserId,
        ActorName = access.IsSignedIn ? access.UserName : "FinanceBuilder",
        ActorOrganisationId = access.IsSignedIn ? access.OrganisationId : null,
        Address = Where(access),
        Action = action,
        OrganisationId = organisationId,
        UserId = userId,
        Summary = summary.Length > PrivilegedEvent.MaxSummary ? summary[..(PrivilegedEvent.MaxSummary - 1)] + "…" : summary,
        Before = before,
        After = after,
        GrantsPlatformAdmin = platformAdmin,
    };

    /// The address the request came from (the client's, behind a known proxy), "command line" for
    /// a command run as someone, "server" for the app's own work at start.
    private string Where(AccessScope access) =>
        http.HttpContext is { } context ? Accounts.SignInThrottle.AddressOf(context) : access.IsSignedIn ? "command line" : "server";
}
