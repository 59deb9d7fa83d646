using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// One file of a shared submission's package: the whole zip under its stored name, or one of
/// the documents inside it under its name in the zip. The requested name is only ever compared
/// with those names (never a path), and the download name is the server's.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewFilePage(FinanceBuilderDbContext db, ContentStore contents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string name, CancellationToken ct)
    {
        if (await SharedSubmissions.PackageAsync(db, id, ct) is not { } package)
            return NotFound();
        if (string.Equals(name, package.FileName, StringComparison.Ordinal))
        {
            // The whole package, with the files frozen with the version, as the applicant downloads it.
            var document = await db.Submissions.Where(s => s.Id == id).Select(s => s.Document).FirstAsync(ct);
            return await PackageDownload.ForSubmissionAsync(package, id, document, db, contents, ct);
        }
        if (SharedSubmissions.Extract(package.Content, name) is not { } file)
            return NotFound();
        // Saved under a name with the version; asked for by its name in the zip.
        var number = await db.Submissions.Where(s => s.Id == id).Select(s => s.Number).FirstAsync(ct);
        return File(file.Content, file.ContentType, Data.Submissions.SubmissionRecord.VersionedFileName(name, number));
    }
}
