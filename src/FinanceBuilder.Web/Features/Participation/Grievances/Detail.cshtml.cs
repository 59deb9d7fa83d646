using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Participation.Public;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation.Grievances;

/// One grievance: what was raised, by whom (confidential), its dates, and the steps — acknowledge,
/// answer, escalate to the accredited entity or the GCF's Independent Redress Mechanism, close
/// with a note. Each step is audited. Editors and administrators only.
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class DetailPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public GrievanceRecord Grievance { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public EscalationLevel? Level { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid grievance, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, grievance, ct))
            return NotFound();
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid grievance, CancellationToken ct) =>
        StepAsync(id, grievance, "acknowledged", g => g.Status == GrievanceStatus.Received, (g, now) =>
        {
            g.AcknowledgedAt = now;
            g.Status = GrievanceStatus.Acknowledged;
        }, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid grievance, CancellationToken ct) =>
        StepAsync(id, grievance, "answered", g => g.IsOpen, (g, now) =>
        {
            g.AcknowledgedAt ??= now;
            g.AnsweredAt = now;
            g.Answer = PlainText.Clean(Note);
            g.Status = GrievanceStatus.Answered;
        }, ct, noteRequired: true);

    public Task<IActionResult> OnPostEscalateAsync(Guid id, Guid grievance, CancellationToken ct) =>
        StepAsync(id, grievance, "escalated", g => g.Status != GrievanceStatus.Closed && Level is { } l && Enum.IsDefined(l) && (g.EscalatedTo is null || l > g.EscalatedTo), (g, now) =>
        {
            g.AcknowledgedAt ??= now;
            g.EscalatedTo = Level;
            g.EscalatedAt = now;
            g.Status = GrievanceStatus.Escalated;
        }, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, Guid grievance, CancellationToken ct) =>
        StepAsync(id, grievance, "closed", g => g.Status != GrievanceStatus.Closed, (g, now) =>
        {
            g.AcknowledgedAt ??= now;
            g.ClosedAt = now;
            g.ClosureNote = PlainText.Clean(Note);
            g.Status = GrievanceStatus.Closed;
        }, ct, noteRequired: true);

    private async Task<IActionResult> StepAsync(Guid id, Guid grievanceId, string step, Func<GrievanceRecord, bool> allowed,
        Action<GrievanceRecord, DateTime> apply, CancellationToken ct, bool noteRequired = false)
    {
        if (!await LoadAsync(id, grievanceId, ct))
            return NotFound();
        var T = ParticipationText.Texts;
        Error = !allowed(Grievance) ? T.Format(Culture, "Grievance.Error.Step")
            : noteRequired && string.IsNullOrWhiteSpace(Note) ? T.Format(Culture, "Grievance.Error.Note")
            : noteRequired && PlainText.Clean(Note).Length > GrievanceRecord.MaxNote ? T.Format(Culture, "Error.TooLong", GrievanceRecord.MaxNote)
            : null;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var tracked = await db.Grievances.FirstAsync(g => g.Id == grievanceId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        apply(tracked, now);
        db.AuditEvents.Add(AuditTrail.Event(access, id, tracked.OrganisationId, now, "grievance-" + step, null, $"{tracked.Reference} {step}"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.Grievance(id, grievanceId)}?done={step}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid grievanceId, CancellationToken ct)
    {
        if (await ProposalTitles.FindAsync(db, id, Culture, ct) is not { } title)
            return false;
        if (await db.Grievances.AsNoTracking().FirstOrDefaultAsync(g => g.Id == grievanceId && g.ProposalId == id, ct) is not { } grievance)
            return false;
        Id = id;
        ProposalTitle = title;
        Grievance = grievance;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
