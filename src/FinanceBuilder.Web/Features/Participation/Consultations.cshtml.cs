using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation;

/// "Consultations": the meetings, workshops and surveys held for a proposal, each a record with
/// its attendance counted by sex, age band and group — shown with counts under 5 hidden
/// (SmallCounts) — and a form to record one more. Readers read; editors record
/// (ProposalWriteFilter); each record is audited.
public sealed class ConsultationsPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public IReadOnlyList<ConsultationRecord> Records { get; private set; } = [];
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool Saved { get; private set; }
    public bool Changed { get; private set; }
    /// The consultation the form changes; null when it records a new one.
    public Guid? EditingId { get; private set; }

    [BindProperty] public ConsultationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, Guid? edit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Saved = done == "recorded";
        Changed = done == "changed";
        if (edit is { } editing && Records.FirstOrDefault(r => r.Id == editing) is { } record)
        {
            EditingId = editing;
            Form = ConsultationForm.Of(record, Culture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Refused() is { } refused)
            return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ConsultationRecord { Id = Guid.NewGuid(), ProposalId = id, OrganisationId = Owner, RecordedAt = now, RecordedByName = access.UserName };
        Form.CopyTo(record, Culture);
        db.Consultations.Add(record);
        db.AuditEvents.Add(AuditTrail.Event(access, id, Owner, now, "consultation", null, Summary(record)));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"/proposals/{id}/consultations?done=recorded#records");
    }

    /// Changes a recorded consultation (a count mistyped, a place misspelt): audited, with what it said before.
    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid consultationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var record = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId && c.ProposalId == id, ct);
        if (record is null)
            return NotFound();
        EditingId = consultationId;
        if (Refused() is { } refused)
            return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var before = Summary(record);
        Form.CopyTo(record, Culture);
        db.AuditEvents.Add(AuditTrail.Event(access, id, Owner, now, "consultation-changed", null, $"{before} → {Summary(record)}"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"/proposals/{id}/consultations?done=changed#records");
    }

    private PageResult? Refused()
    {
        var result = new ConsultationForm.Validator(Culture, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Validate(Form);
        if (result.IsValid)
            return null;
        foreach (var failure in result.Errors)
            Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// The activity page shows this to every member: its head count goes through the small-count
    /// rule too.
    private static string Summary(ConsultationRecord record)
    {
        var total = Attendance.Read(record.Attendance).Total;
        return $"{record.HeldOn:yyyy-MM-dd} {record.Method} ({record.Level}), {SmallCounts.Text(SmallCounts.Each([total])[0], total, CultureInfo.InvariantCulture)} people";
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return false;
        Id = id;
        (ProposalTitle, Owner) = (heading.Title, heading.OwnerOrganisationId);
        Records = await db.Consultations.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.HeldOn).ToListAsync(ct);
        return true;
    }
}
