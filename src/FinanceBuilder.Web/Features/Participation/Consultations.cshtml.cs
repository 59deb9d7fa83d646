using System.Globalization;
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
public sealed class ConsultationsPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
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

    [BindProperty] public ConsultationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Saved = done == "recorded";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new ConsultationForm.Validator(Culture, DateOnly.FromDateTime(now)).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        DateText.TryParseField(Form.HeldOn!, Culture, out var heldOn);
        var owner = Owner;
        var record = new ConsultationRecord
        {
            Id = Guid.NewGuid(),
            ProposalId = id,
            OrganisationId = owner,
            HeldOn = heldOn,
            Method = Form.Method!.Value,
            Place = Form.Online ? null : Form.Place?.Trim(),
            Online = Form.Online,
            Languages = string.IsNullOrWhiteSpace(Form.Languages) ? null : Form.Languages.Trim(),
            Organiser = string.IsNullOrWhiteSpace(Form.Organiser) ? null : Form.Organiser.Trim(),
            Level = Form.Level!.Value,
            Asked = string.IsNullOrWhiteSpace(Form.Asked) ? null : Form.Asked.Trim(),
            Attendance = Form.Attendance(Culture).Write(),
            RecordedAt = now,
            RecordedByName = access.UserName,
        };
        db.Consultations.Add(record);
        db.AuditEvents.Add(AuditTrail.Event(access, id, owner, now, "consultation", null,
            $"{heldOn:yyyy-MM-dd} {record.Method} ({record.Level}), {Form.Attendance(Culture).Total.ToString(CultureInfo.InvariantCulture)} people"));
        await db.SaveChangesAsync(ct);
        await EngagementRecords.RefreshAsync(db, id, DateOnly.FromDateTime(now), ct);
        return Redirect($"/proposals/{id}/consultations?done=recorded#records");
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
