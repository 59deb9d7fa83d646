using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation;

/// "Moderation": the comments residents left on the public page, waiting to be read. A moderator
/// publishes or rejects the ticked ones, or every comment shown at once — a thousand from this one
/// screen — never one that arrived after the screen was drawn. Editors and administrators only:
/// the queue shows contacts (ProposalWriteFilter for the posts, CanEdit for reading).
[RequestFormLimits(ValueCountLimit = 20_000)]
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class ModerationPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public IReadOnlyList<ParticipationInput> Pending { get; private set; } = [];
    public IReadOnlyList<string> Questions { get; private set; } = [];
    public string? Done { get; private set; }
    public int DoneCount { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public List<Guid> Ids { get; set; } = [];
    /// Every comment received up to this instant (ticks), when "all shown" was pressed.
    [BindProperty] public long? UpTo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, int? n, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Done = done is "published" or "rejected" ? done : null;
        DoneCount = n ?? 0;
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => DecideAsync(id, Moderation.Published, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => DecideAsync(id, Moderation.Rejected, ct);

    private async Task<IActionResult> DecideAsync(Guid id, Moderation decision, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return NotFound();
        Owner = heading.OwnerOrganisationId;
        if (Ids.Count == 0 && UpTo is null)
        {
            await LoadAsync(id, ct);
            Error = ParticipationText.Texts.Format(Culture, "Moderation.NoneTicked");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = db.ParticipationInputs.Where(i => i.ProposalId == id && i.Moderation == Moderation.Pending);
        if (UpTo is { } ticks)
        {
            var upTo = new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            pending = pending.Where(i => i.ReceivedAt <= upTo);
        }
        else
        {
            var ids = Ids.Distinct().ToList();
            pending = pending.Where(i => ids.Contains(i.Id));
        }
        // One statement for the lot: a thousand comments are one update, not a thousand.
        var name = access.UserName;
        var changed = await pending.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Moderation, decision)
            .SetProperty(i => i.ModeratedAt, now)
            .SetProperty(i => i.ModeratedByName, name), ct);
        var owner = Owner;
        db.AuditEvents.Add(AuditTrail.Event(access, id, owner, now, decision == Moderation.Published ? "comments-published" : "comments-rejected", null,
            changed.ToString(CultureInfo.InvariantCulture) + " comments"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.Moderation(id)}?done={(decision == Moderation.Published ? "published" : "rejected")}&n={changed}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return false;
        Id = id;
        (ProposalTitle, Owner) = (heading.Title, heading.OwnerOrganisationId);
        Pending = await db.ParticipationInputs.AsNoTracking().Where(i => i.ProposalId == id && i.Moderation == Moderation.Pending && i.ErasedAt == null)
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync(ct);
        Questions = (await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.ProposalId == id, ct))?.QuestionsIn(Culture) ?? [];
        return true;
    }
}
