using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Organisation;

/// An organisation administrator's own organisation: its members, invitations and, for a
/// planning agency, the organisations it supports. Every member and invitation is looked up
/// together with the administrator's organisation id, so another organisation's id is 404.
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class OrganisationPage(
    FinanceBuilderDbContext db, AccessScope access, Invitations invitations, IEmailSender mailer, PublicLinks links, TimeProvider clock) : PageModel
{
    public sealed record Member(Guid Id, string Name, string Email, MemberRole Role, bool Disabled, bool TwoStep);
    public sealed record Pending(Guid Id, string Email, MemberRole Role, DateTime ExpiresAt);

    public OrganisationRecord Organisation { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Pending> Invitations { get; private set; } = [];
    public IReadOnlyList<OrganisationRecord> Supported { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? InvitationLink { get; private set; }
    public Guid Me => access.UserId!.Value;
    public int MembersWithoutTwoStep => Members.Count(m => !m.Disabled && !m.TwoStep);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (done is "invite-revoked" or "role-changed" or "member-disabled" or "member-enabled" or "iati-saved" or "two-step-required" or "two-step-optional")
            Notice = OrganisationText.Texts["Done." + done];
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? role, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstAsync(o => o.Id == access.OrganisationId, ct);
        var result = await MemberInvite.SendAsync(db, invitations, mailer, links, access, organisation, new MemberInvite.Form(email, role), ct);
        Errors = result.Errors;
        InvitationLink = result.Link;
        if (result.Link is not null)
            Notice = OrganisationText.Texts["InviteSent", email!.Trim()];
        return await LoadAsync(ct);
    }

    /// The IATI organisation identifier: shown again as typed when it is refused.
    public string? TypedIatiIdentifier { get; private set; }

    public async Task<IActionResult> OnPostIatiAsync(string? iatiIdentifier, CancellationToken ct)
    {
        var (value, error) = IatiIdentifier.Read(iatiIdentifier);
        if (error is not null)
        {
            TypedIatiIdentifier = iatiIdentifier?.Length > 200 ? iatiIdentifier[..200] : iatiIdentifier;
            return await RefuseAsync(error, ct);
        }
        await IatiIdentifier.SaveAsync(db, access.OrganisationId, value, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect("/organisation?done=iati-saved");
    }

    /// Requiring two-step sign-in of every member: those without it are sent to set it up at
    /// their next page (Accounts/TwoStep/TwoStepGate), the administrator first.
    public async Task<IActionResult> OnPostTwoStepAsync(bool require, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstAsync(o => o.Id == access.OrganisationId, ct);
        organisation.RequireTwoFactor = require;
        await db.SaveChangesAsync(ct);
        return Redirect("/organisation?done=" + (require ? "two-step-required" : "two-step-optional"));
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == access.OrganisationId && i.AcceptedAt == null, ct);
        if (invitation is null)
            return NotFound();
        invitation.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Redirect("/organisation?done=invite-revoked");
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, string? role, CancellationToken ct)
    {
        var member = await MemberAsync(userId, ct);
        if (member is null)
            return NotFound();
        if (!Enum.TryParse<MemberRole>(role, out var newRole) || !Enum.IsDefined(newRole) || !role!.All(char.IsLetter))
            return await RefuseAsync("RoleRequired", ct);
        // An organisation keeps at least the administrator who is doing this.
        if (member.Id == Me && newRole != MemberRole.OrganisationAdmin)
            return await RefuseAsync("CannotDemoteSelf", ct);
        if (Protected(member))
            return await RefuseAsync("PlatformAdminProtected", ct);
        member.Role = newRole;
        await db.SaveChangesAsync(ct);
        return Redirect("/organisation?done=role-changed");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct)
    {
        var member = await MemberAsync(userId, ct);
        if (member is null)
            return NotFound();
        if (member.Id == Me)
            return await RefuseAsync("CannotDisableSelf", ct);
        if (Protected(member))
            return await RefuseAsync("PlatformAdminProtected", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        member.DisabledAt ??= now;
        await db.SaveChangesAsync(ct);
        // Their open sessions end now, not at their next sign-in (T10).
        await AccountSignIn.EndAllSessionsAsync(db, member.Id, now, ct);
        return Redirect("/organisation?done=member-disabled");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct)
    {
        var member = await MemberAsync(userId, ct);
        if (member is null)
            return NotFound();
        // Like disabling and changing roles: a platform administrator's account is not the
        // organisation's to switch back on (another platform administrator may have disabled it).
        if (Protected(member))
            return await RefuseAsync("PlatformAdminProtected", ct);
        member.DisabledAt = null;
        await db.SaveChangesAsync(ct);
        return Redirect("/organisation?done=member-enabled");
    }

    /// A platform administrator who happens to be a member here is managed by another platform
    /// administrator, not by the organisation: else an organisation could lock the platform out.
    private bool Protected(UserAccount member) => member.IsPlatformAdmin && !access.IsPlatformAdmin;

    private Task<UserAccount?> MemberAsync(Guid userId, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.OrganisationId == access.OrganisationId, ct);

    private async Task<IActionResult> RefuseAsync(string key, CancellationToken ct)
    {
        Errors = [OrganisationText.Texts[key]];
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var id = access.OrganisationId;
        Organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == id, ct);
        Members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == id)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Member(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.DisabledAt != null, u.TwoFactorEnabled))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .Select(i => new Pending(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        Supported = Organisation.Kind == OrganisationKind.PlanningAgency
            ? await (from link in db.AgencyLinks
                     where link.AgencyId == id
                     join o in db.Organisations on link.SupportedOrganisationId equals o.Id
                     orderby o.Name
                     select o).AsNoTracking().ToListAsync(ct)
            : [];
        return Page();
    }
}
