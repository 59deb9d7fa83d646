using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Admin;

/// One organisation, for the platform administrator: its members and invitations, inviting
/// people into it, disabling it, and the planning-agency links that give an agency's staff its
/// municipalities' proposals.
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class AdminOrganisationPage(
    FinanceBuilderDbContext db, AccessScope access, Invitations invitations, IEmailSender mailer, PublicLinks links, TimeProvider clock) : PageModel
{
    public static string PathOf(Guid id) => $"/admin/organisations/{id}";

    public sealed record Member(string Name, string Email, MemberRole Role, bool Disabled);
    public sealed record Pending(string Email, MemberRole Role, DateTime ExpiresAt);
    public sealed record Link(Guid AgencyId, string AgencyName, Guid SupportedId, string SupportedName);

    public OrganisationRecord Organisation { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Pending> Invitations { get; private set; } = [];
    public IReadOnlyList<Link> Links { get; private set; } = [];
    public IReadOnlyList<OrganisationRecord> Others { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? InvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (done is "created" or "disabled" or "enabled" or "linked" or "unlinked")
            Notice = OrganisationText.Texts["Done." + done];
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, string? email, string? role, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        if (organisation.DisabledAt is not null)
            return await RefuseAsync(id, "InviteDisabledOrganisation", ct);
        var result = await MemberInvite.SendAsync(db, invitations, mailer, links, access, organisation, new MemberInvite.Form(email, role), ct);
        Errors = result.Errors;
        InvitationLink = result.Link;
        if (result.Link is not null)
            Notice = OrganisationText.Texts["InviteSent", email!.Trim()];
        return await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        if (organisation.Id == access.OrganisationId)
            return await RefuseAsync(id, "CannotDisableOwnOrganisation", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        organisation.DisabledAt ??= now;
        await db.SaveChangesAsync(ct);
        // The session check refuses a disabled organisation on the next request anyway; ending
        // the sessions as well leaves nothing to revive if it is enabled again.
        var members = await db.Users.Where(u => u.OrganisationId == id).Select(u => u.Id).ToListAsync(ct);
        foreach (var member in members)
            await AccountSignIn.EndAllSessionsAsync(db, member, now, ct);
        return Redirect(PathOf(id) + "?done=disabled");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        organisation.DisabledAt = null;
        await db.SaveChangesAsync(ct);
        return Redirect(PathOf(id) + "?done=enabled");
    }

    /// Links this organisation with another: whichever of the two is the planning agency
    /// supports the other, which must be a municipality or a region.
    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid? other, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        var partner = other is { } otherId && otherId != id ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == otherId, ct) : null;
        if (partner is null)
            return await RefuseAsync(id, "LinkChooseOrganisation", ct);
        var (agency, supported) = organisation.Kind == OrganisationKind.PlanningAgency ? (organisation, partner) : (partner, organisation);
        if (agency.Kind != OrganisationKind.PlanningAgency || supported.Kind is not (OrganisationKind.Municipality or OrganisationKind.Region))
            return await RefuseAsync(id, "LinkKindsInvalid", ct);
        if (!await db.AgencyLinks.AnyAsync(l => l.AgencyId == agency.Id && l.SupportedOrganisationId == supported.Id, ct))
        {
            db.AgencyLinks.Add(new AgencyLink { AgencyId = agency.Id, SupportedOrganisationId = supported.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return Redirect(PathOf(id) + "?done=linked");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid agency, Guid supported, CancellationToken ct)
    {
        var link = await db.AgencyLinks.FirstOrDefaultAsync(l => l.AgencyId == agency && l.SupportedOrganisationId == supported && (l.AgencyId == id || l.SupportedOrganisationId == id), ct);
        if (link is null)
            return NotFound();
        db.AgencyLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return Redirect(PathOf(id) + "?done=unlinked");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string key, CancellationToken ct)
    {
        Errors = [OrganisationText.Texts[key]];
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
            return NotFound();
        Organisation = organisation;
        Members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == id)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Member(u.DisplayName, u.Email ?? "", u.Role, u.DisabledAt != null))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .Select(i => new Pending(i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        Links = await (from link in db.AgencyLinks
                       where link.AgencyId == id || link.SupportedOrganisationId == id
                       join agency in db.Organisations on link.AgencyId equals agency.Id
                       join supported in db.Organisations on link.SupportedOrganisationId equals supported.Id
                       orderby agency.Name, supported.Name
                       select new Link(agency.Id, agency.Name, supported.Id, supported.Name)).ToListAsync(ct);
        Others = await db.Organisations.AsNoTracking().Where(o => o.Id != id).OrderBy(o => o.Name).ToListAsync(ct);
        return Page();
    }
}
