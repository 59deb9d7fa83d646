using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Review;

/// The submitted snapshot drawn as HTML with the pack of its type of application (SubmittedDocument).
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewPreviewPage(FinanceBuilderDbContext db, SubmittedDocument document) : PageModel
{
    public SubmissionRecord Submission { get; private set; } = null!;
    public string Applicant { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public string? Html { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await SharedSubmissions.FindAsync(db, id, ct) is not { } header)
            return NotFound();
        Submission = header.Submission;
        Applicant = header.Applicant;
        if (await document.DrawAsync(Submission, ct) is { } drawn)
            (Html, Language) = (drawn.Html, drawn.Language);
        return Page();
    }
}
