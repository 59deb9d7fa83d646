using System.Globalization;
using System.Text.Json;
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

/// "Personal data": a person asks what the project keeps about them, or to have it erased. Staff
/// find their comments and grievances by the contact or name they gave, export them as a file,
/// and erase them: the words, name, contact and declared group go at once; what is left is the
/// fact that an input or a grievance was received, with its response and status, so counts and
/// statistics still add up. Searched by post, so a contact never appears in an address or a log.
/// Editors and administrators only; the audit trail says how many were erased, never whose.
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class PersonalDataPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public IReadOnlyList<ParticipationInput> Inputs { get; private set; } = [];
    public IReadOnlyList<GrievanceRecord> Grievances { get; private set; } = [];
    public bool Searched { get; private set; }
    public string? Error { get; private set; }
    public int? Erased { get; private set; }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [BindProperty] public string? Person { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? erased, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return NotFound();
        (Id, ProposalTitle, Owner, Erased) = (id, heading.Title, heading.OwnerOrganisationId, erased);
        return Page();
    }

    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostExportAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
            return refused;
        var export = new
        {
            proposal = ProposalTitle,
            person = Person!.Trim(),
            exportedAt = clock.GetUtcNow().UtcDateTime,
            comments = Inputs.Select(i => new { receivedAt = i.ReceivedAt, source = i.Source.ToString(), text = i.Text, name = i.AuthorName, contact = i.Contact, group = i.Group?.ToString(), moderation = i.Moderation.ToString(), response = i.Response, erasedAt = i.ErasedAt }),
            grievances = Grievances.Select(g => new { reference = g.Reference, receivedAt = g.ReceivedAt, category = g.Category.ToString(), text = g.Text, name = g.ComplainantName, contact = g.Contact, status = g.Status.ToString(), answer = g.Answer, closureNote = g.ClosureNote, erasedAt = g.ErasedAt }),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEvents.Add(AuditTrail.Event(access, id, Owner, now, "personal-data-export", null, $"{Inputs.Count} inputs, {Grievances.Count} grievances"));
        await db.SaveChangesAsync(ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Indented), "application/json", "personal-data.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
            return refused;
        if (!Confirm)
        {
            Error = ParticipationText.Texts.Format(Culture, "PersonalData.Error.Confirm");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var inputIds = Inputs.Select(i => i.Id).ToList();
        var grievanceIds = Grievances.Select(g => g.Id).ToList();
        await db.ParticipationInputs.Where(i => inputIds.Contains(i.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Text, "").SetProperty(i => i.AuthorName, (string?)null).SetProperty(i => i.Contact, (string?)null)
            .SetProperty(i => i.Group, (FinanceBuilder.Web.Proposals.Model.StakeholderGroup?)null).SetProperty(i => i.ErasedAt, now), ct);
        await db.Grievances.Where(g => grievanceIds.Contains(g.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.Text, "").SetProperty(g => g.ComplainantName, (string?)null).SetProperty(g => g.Contact, (string?)null)
            .SetProperty(g => g.ErasedAt, now), ct);
        db.AuditEvents.Add(AuditTrail.Event(access, id, Owner, now, "personal-data-erased", null, $"{inputIds.Count} inputs, {grievanceIds.Count} grievances"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.PersonalData(id)}?erased={inputIds.Count + grievanceIds.Count}");
    }

    /// Loads what the person gave; an answer (403, 404, a refused form) when there is nothing to do.
    private async Task<IActionResult?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return NotFound();
        (Id, ProposalTitle, Owner) = (id, heading.Title, heading.OwnerOrganisationId);
        var person = (Person ?? "").Trim().ToLowerInvariant();
        if (person.Length is < 3 or > ParticipationInput.MaxContact)
        {
            Error = ParticipationText.Texts.Format(Culture, "PersonalData.Error.Person");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Searched = true;
        // ToLower here is SQL's lower(), in SQLite and PostgreSQL alike: no culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
        Inputs = await db.ParticipationInputs.AsNoTracking()
            .Where(i => i.ProposalId == id && i.ErasedAt == null && ((i.Contact != null && i.Contact.ToLower() == person) || (i.AuthorName != null && i.AuthorName.ToLower() == person)))
            .OrderBy(i => i.ReceivedAt).ToListAsync(ct);
        Grievances = await db.Grievances.AsNoTracking()
            .Where(g => g.ProposalId == id && g.ErasedAt == null && ((g.Contact != null && g.Contact.ToLower() == person) || (g.ComplainantName != null && g.ComplainantName.ToLower() == person)))
            .OrderBy(g => g.ReceivedAt).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        return null;
    }

}
