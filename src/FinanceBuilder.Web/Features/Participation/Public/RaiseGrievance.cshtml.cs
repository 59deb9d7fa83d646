using System.Globalization;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Features.Participation.Grievances;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// The public way to raise a grievance about a project, without an account, while the
/// organisation keeps its grievance form open (any time, not only during the comment period).
/// Confidential: nothing of it is ever shown on a public page. The complainant is given a
/// reference and the dates they will hear back by.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
[RequestSizeLimit(ConsultPage.MaxBody)]
public sealed class RaiseGrievancePage(FinanceBuilderDbContext db, PublicPostLimit limit, TimeProvider clock, IOptions<FinanceBuilderOptions> options, IServiceScopeFactory scopes) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public PublicConsultation Consultation { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    /// The grievance just registered (its reference and dates), shown once after the post.
    public GrievanceRecord? Registered { get; private set; }

    [BindProperty] public GrievanceForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (await limit.RefusedAsync(HttpContext, Culture, "Public.Error.TooManyGrievances", ct) is { } tooMany)
        {
            Errors["Text"] = tooMany;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var grievance = GrievanceIntake.New(Consultation.ProposalId, Consultation.OrganisationId, Form, GrievanceChannel.WebForm, now, options.Value.Participation, null);
        // A bot filled the field people never see: it gets a reference like a person, and nothing is kept.
        // Its form is emptied as a person's is: the page must not tell the two apart.
        if (!string.IsNullOrEmpty(Form.Website))
        {
            Registered = grievance;
            Form = new GrievanceForm();
            return Page();
        }
        var result = new GrievanceForm.Validator(Culture, byStaff: false).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.Grievances.Add(grievance);
        await db.SaveChangesAsync(ct);
        // The register's figures change: a resident sees none of the records they come from, so
        // the machine recounts them (nothing of it is shown to the resident).
        await using (var scope = SystemScope.Create(scopes, out _))
            await scope.ServiceProvider.GetRequiredService<EvidenceRefresh>().AfterChangeAsync(Consultation.ProposalId, ct);
        // Shown on this response, not after a redirect: the reference is the complainant's alone
        // and is never put in an address.
        Registered = grievance;
        Form = new GrievanceForm();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.TakesGrievances, ct) is not { } page)
            return false;
        Consultation = page;
        return true;
    }
}
