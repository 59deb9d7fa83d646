using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Review;

/// The submitted snapshot drawn as HTML with the pack of its type of application, as the
/// applicant's preview draws a draft (same templates, no scripts: the page keeps the strict CSP).
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewPreviewPage(FinanceBuilderDbContext db, TemplatePacks packs, ProposalReader reader, Rules.ProposalValidation validation, DocumentPictures pictures, ILogger<ReviewPreviewPage> logger) : PageModel
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
        var read = reader.Read(System.Text.Encoding.UTF8.GetBytes(Submission.Document), System.Globalization.CultureInfo.CurrentUICulture);
        if (read.Succeeded && packs.PackFor(read.Proposal!.Target.Route) is { } packId && packs.Packs.TryGetValue(packId, out var pack))
        {
            Language = read.Proposal.Language.ToString().ToLowerInvariant();
            // The version's pictures are files frozen with it, which a donor it is shared with sees.
            Html = PreviewPage.RenderHtml(pack, read.Proposal, validation.Validate(read.Proposal, TemplatePacks.RouteOf(pack)), logger, await pictures.LoadAsync(read.Proposal, ct));
        }
        return Page();
    }
}
