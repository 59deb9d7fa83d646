using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// The package stored with a submitted version, its documents byte for byte as they were
/// generated, with the files frozen with the version under annexes/. Found through the
/// submissions' filter: the applicant's own, or a donor's it is shared with.
public sealed class VersionPackagePage(FinanceBuilderDbContext db, ContentStore contents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().Where(s => s.ProposalId == id && s.Number == n)
            .Select(s => new { s.Id, s.Document }).FirstOrDefaultAsync(ct);
        if (submission is null)
            return NotFound();
        var package = await db.SubmissionPackages.AsNoTracking().FirstOrDefaultAsync(p => p.SubmissionId == submission.Id, ct);
        if (package is null)
            return NotFound();
        return await PackageDownload.ForSubmissionAsync(package, submission.Id, submission.Document, db, contents, ct);
    }
}
