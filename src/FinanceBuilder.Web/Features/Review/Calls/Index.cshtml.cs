using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review.Calls;

/// The donor's calls for proposals: each a name, a review deadline and the rubric its reviewers
/// read (the GCF's until adapted). Every member reads them; editors and administrators create.
[Authorize(Policy = Policies.Reviewer)]
[PostsNeedPolicy(Policies.Scorer)]
public sealed class CallsPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 200;
    public const int MaxCalls = 500;

    public sealed record Line(Guid Id, string Name, DateOnly? Deadline, bool Adapted, int Submissions);

    public IReadOnlyList<Line> Calls { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool CanEdit => access.CanScore;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Deadline { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = CallFields.Check(Name, Deadline, out var deadline);
        if (errors.Count == 0 && await db.ReviewCalls.CountAsync(ct) >= MaxCalls)
            errors = [ReviewText.Texts["Calls.TooMany", MaxCalls]];
        if (errors.Count > 0)
        {
            Errors = errors;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new ReviewCall
        {
            Id = Guid.NewGuid(),
            DonorOrganisationId = access.OrganisationId,
            Name = Name!.Trim(),
            Deadline = deadline,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.ReviewCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return Redirect($"/review/calls/{call.Id}?done=created");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Calls = await db.ReviewCalls.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Line(c.Id, c.Name, c.Deadline, c.Rubric != null, db.ReviewCases.Count(k => k.CallId == c.Id)))
            .ToListAsync(ct);
}

/// The name and deadline checks both call pages share.
public static class CallFields
{
    public static List<string> Check(string? name, string? deadlineText, out DateOnly? deadline)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(ReviewText.Texts["Calls.NameMissing"]);
        else if (name.Trim().Length > CallsPage.MaxNameLength)
            errors.Add(ReviewText.Texts["Calls.NameTooLong", CallsPage.MaxNameLength]);
        else if (Localization.TypedText.Problem(name, multiLine: false, ReviewText.Texts["Calls.Name"]) is { } refused)
            errors.Add(refused);
        if (Deadline(deadlineText, out deadline) is { } problem)
            errors.Add(problem);
        return errors;
    }

    /// A deadline as a date field sends it (yyyy-MM-dd), empty for none; the problem in words, or null.
    public static string? Deadline(string? text, out DateOnly? deadline)
    {
        deadline = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < 2000 or > 2100)
            return ReviewText.Texts["Team.BadDeadline"];
        deadline = parsed;
        return null;
    }
}
