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

/// "Public consultation": the organisation opens a page where residents comment on the proposal —
/// the summary written for them in English and French, with its reading level measured as it is
/// saved, the questions, the period — and sees its address. Editors only (ProposalWriteFilter).
public sealed class PublicPageSettingsPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public PublicConsultation? Existing { get; private set; }
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool Saved { get; private set; }

    [BindProperty] public PublicPageForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Saved = done == "saved";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Form = Existing is { } page ? PublicPageForm.Of(page, Culture) : new PublicPageForm
        {
            Title = ProposalTitle,
            OpensOn = DateText.Field(today, Culture),
            ClosesOn = DateText.Field(today.AddDays(30), Culture),
            TakesGrievances = true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var result = new PublicPageForm.Validator(Culture).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = Owner;
        var page = await db.PublicConsultations.FirstOrDefaultAsync(p => p.ProposalId == id, ct);
        if (page is null)
        {
            page = new PublicConsultation { Id = Guid.NewGuid(), ProposalId = id, OrganisationId = owner };
            db.PublicConsultations.Add(page);
        }
        Form.CopyTo(page, Culture);
        page.OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == owner).Select(o => o.Name).FirstAsync(ct);
        page.UpdatedAt = now;
        page.UpdatedByName = access.UserName;
        db.AuditEvents.Add(AuditTrail.Event(access, id, owner, now, "public-consultation", null, $"{page.OpensOn:yyyy-MM-dd} – {page.ClosesOn:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"/proposals/{id}/consultations/public?done=saved");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return false;
        Id = id;
        (ProposalTitle, Owner) = (heading.Title, heading.OwnerOrganisationId);
        Existing = await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.ProposalId == id, ct);
        return true;
    }
}
