using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review.Calls;

/// One call: its name, deadline and rubric, adapted criterion by criterion in English and
/// French, or put back to the GCF's. Saved with the version the editor read, like every sheet.
[Authorize(Policy = Policies.Reviewer)]
[PostsNeedPolicy(Policies.Scorer)]
public sealed class CallPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public ReviewCall Call { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool CanEdit => access.CanScore;

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public RubricForm Rubric { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
            return NotFound();
        Name = Call.Name;
        Deadline = Call.Deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Version = Call.Version;
        Rubric = RubricForm.From(FinanceBuilder.Web.Features.Review.Rubric.Rubric.Read(Call.Rubric));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
            return NotFound();
        var errors = CallFields.Check(Name, Deadline, out var deadline);
        var (rubric, problems) = Rubric.Read();
        errors.AddRange(problems);
        if (errors.Count > 0)
            return Invalid(errors);
        if (Version != Call.Version)
            return Invalid([ReviewText.Texts["Calls.Changed"]], reload: true);
        Call.Name = Name!.Trim();
        Call.Deadline = deadline;
        // The default stays "the default" (null) so that a later improvement of it reaches the
        // calls that never changed a word.
        var written = rubric!.Write();
        Call.Rubric = written == FinanceBuilder.Web.Features.Review.Rubric.Rubric.Default.Write() ? null : written;
        return await SaveAsync(ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct))
            return NotFound();
        if (Version != Call.Version)
            return Invalid([ReviewText.Texts["Calls.Changed"]], reload: true);
        Call.Rubric = null;
        return await SaveAsync(ct);
    }

    private async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        Call.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Call.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Call.Id, ct);
            return Invalid([ReviewText.Texts["Calls.Changed"]], reload: true);
        }
        return Redirect($"/review/calls/{Call.Id}?done=saved");
    }

    /// What was typed stays on screen; after a colleague's save the form carries the stored
    /// version, so saving again replaces it knowingly.
    private PageResult Invalid(IReadOnlyList<string> errors, bool reload = false)
    {
        Errors = errors;
        if (reload)
            Version = Call.Version;
        Response.StatusCode = reload ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid callId, CancellationToken ct)
    {
        if (await db.ReviewCalls.FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call)
            return false;
        Call = call;
        return true;
    }
}
