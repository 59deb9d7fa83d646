using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// The package stored with a submitted version, byte for byte as it was generated. Found
/// through the submissions' filter: the applicant's own, or a donor's it is shared with.
public sealed class VersionPackagePage(FinanceBuilderDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        var submissionId = await db.Submissions.Where(s => s.ProposalId == id && s.Number == n).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (submissionId is null)
            return NotFound();
        var package = await db.SubmissionPackages.AsNoTracking().FirstOrDefaultAsync(p => p.SubmissionId == submissionId, ct);
        if (package is null)
            return NotFound();
        // File(...) with a name answers Content-Disposition: attachment.
        return File(package.Content, "application/zip", package.FileName);
    }
}
