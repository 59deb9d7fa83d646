using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Collaboration;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// Every submitted version of a proposal with its package and the donors' released reviews,
/// and who the proposal is shared with. Readers see it all; sharing changes need an editor
/// (ProposalWriteFilter refuses other posts under /proposals).
public sealed class VersionsPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool IsDraftNow { get; private set; }
    public IReadOnlyList<SubmittedVersions.Line> Lines { get; private set; } = [];
    public IReadOnlyList<SubmittedVersions.Review> Reviews { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, DateTime SharedAt)> Shares { get; private set; } = [];
    /// Donors not shared with yet, for the "share" form.
    public IReadOnlyList<(Guid Id, string Name)> OtherDonors { get; private set; } = [];
    public bool CanEdit => access.CanEditProposals;
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostShareAsync(Guid id, Guid donor, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
            return NotFound();
        var organisation = await SubmitProposal.Donors(db).FirstOrDefaultAsync(o => o.Id == donor, ct);
        if (organisation is null)
            return BadRequest();
        if (!await db.ProposalShares.AnyAsync(s => s.ProposalId == id && s.DonorOrganisationId == donor, ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ProposalShares.Add(new ProposalShare { ProposalId = id, DonorOrganisationId = donor, OrganisationId = proposal.OwnerOrganisationId, SharedAt = now, SharedByUserId = access.UserId ?? Guid.Empty });
            db.AuditEvents.Add(Event(proposal, now, "shared", organisation.Name));
            // The donor's members hear of it, with the latest version to open.
            if (await db.Submissions.AsNoTracking().Where(s => s.ProposalId == id).OrderByDescending(s => s.Number).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(ct) is { } latest)
                await Notifications.Notifier.AddAsync(db, await Notifications.Notifier.MembersAsync(db, donor, ct), Data.Notifications.NotificationKind.Shared,
                    latest.Title ?? proposal.Title ?? "", access.OrganisationName, $"/review/{latest.Id}", now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Shared by someone else at the same moment: the outcome is the one asked for.
            }
        }
        return Redirect(SubmissionUrls.Versions(id) + "#sharing");
    }

    public async Task<IActionResult> OnPostUnshareAsync(Guid id, Guid donor, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
            return NotFound();
        var share = await db.ProposalShares.FirstOrDefaultAsync(s => s.ProposalId == id && s.DonorOrganisationId == donor, ct);
        if (share is not null)
        {
            // The donor's filter reads the share on every request: the access ends with this row.
            var name = await db.Organisations.Where(o => o.Id == donor).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
            db.ProposalShares.Remove(share);
            db.AuditEvents.Add(Event(proposal, clock.GetUtcNow().UtcDateTime, "unshared", name));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Removed by someone else at the same moment.
            }
        }
        return Redirect(SubmissionUrls.Versions(id) + "#sharing");
    }

    private AuditEvent Event(ProposalRecord proposal, DateTime now, string action, string summary) =>
        Collaboration.AuditTrail.Event(access, proposal.Id, proposal.OwnerOrganisationId, now, action, null, summary);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.Status }).FirstOrDefaultAsync(ct);
        if (proposal is null)
            return false;
        Id = id;
        Title = proposal.Title is { Length: > 0 } t ? t : ProposalText.Get("Ui.Untitled", Culture);
        IsDraftNow = proposal.Status != ProposalStatus.Submitted;
        Lines = await SubmittedVersions.LinesAsync(db, id, ct);
        Reviews = await SubmittedVersions.ReleasedReviewsAsync(db, Lines.Select(l => l.Id).ToList(), ct);
        Shares = await SubmittedVersions.SharesAsync(db, id, ct);
        var shared = Shares.Select(s => s.Id).ToList();
        OtherDonors = (await SubmitProposal.Donors(db).Where(o => !shared.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }
}
