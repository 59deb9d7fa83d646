using System.Globalization;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Participation.Grievances;

/// "Grievances": the register of a project's grievances with their status and the dates each
/// must be acknowledged and answered by, the late ones marked, and a form for one received by
/// phone, letter, box or in person. Confidential: editors and administrators only, readers get
/// 403 (the register names complainants).
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class RegisterPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock, IOptions<FinanceBuilderOptions> options) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public IReadOnlyList<GrievanceRecord> Grievances { get; private set; } = [];
    public GrievanceStatistics Statistics { get; private set; } = GrievanceStatistics.Of([], default);
    public DateOnly Today { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool Recorded { get; private set; }

    [BindProperty] public GrievanceForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Recorded = done == "recorded";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var result = new GrievanceForm.Validator(Culture, byStaff: true).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = Owner;
        var grievance = GrievanceIntake.New(id, owner, Form, Form.Channel!.Value, now, options.Value.Participation, access.UserName);
        db.Grievances.Add(grievance);
        db.AuditEvents.Add(AuditTrail.Event(access, id, owner, now, "grievance", null, $"{grievance.Reference} received ({grievance.Channel}, {grievance.Category})"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.Grievance(id, grievance.Id)}?done=recorded");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return false;
        Id = id;
        (ProposalTitle, Owner) = (heading.Title, heading.OwnerOrganisationId);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Grievances = await db.Grievances.AsNoTracking().Where(g => g.ProposalId == id).OrderByDescending(g => g.ReceivedAt).ToListAsync(ct);
        Statistics = GrievanceStatistics.Of(Grievances, Today);
        return true;
    }
}
