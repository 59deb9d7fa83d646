using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// One submitted version: who and when, the key figures frozen with it, the donors the proposal
/// is shared with, the package and the released reviews.
public sealed class VersionPage(FinanceBuilderDbContext db) : PageModel
{
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public SubmissionRecord Submission { get; private set; } = null!;
    public long PackageBytes { get; private set; }
    public string PackageFileName { get; private set; } = "";
    public string PackageSha256 { get; private set; } = "";
    /// The files frozen with the version: the download adds them under annexes/.
    public int AnnexCount { get; private set; }
    public IReadOnlyList<SubmittedVersions.Review> Reviews { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, DateTime SharedAt)> Shares { get; private set; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    /// The number of the version whose approval is recorded, if any.
    public int? Approved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        var title = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title }).FirstOrDefaultAsync(ct);
        if (title is null)
            return NotFound();
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ProposalId == id && s.Number == n, ct);
        if (submission is null)
            return NotFound();
        Id = id;
        Submission = submission;
        ProposalTitle = title.Title is { Length: > 0 } t ? t : ProposalText.Get("Ui.Untitled", Culture);
        var package = await db.SubmissionPackages.AsNoTracking().Where(p => p.SubmissionId == submission.Id)
            .Select(p => new { p.FileName, p.Sha256, Bytes = (long)p.Content.Length }).FirstOrDefaultAsync(ct);
        var annexes = await db.SubmissionFiles.Where(f => f.SubmissionId == submission.Id)
            .Join(db.AnnexFiles, f => f.AnnexFileId, a => a.Id, (f, a) => a.Bytes).ToListAsync(ct);
        AnnexCount = annexes.Count;
        PackageBytes = (package?.Bytes ?? 0) + annexes.Sum();
        PackageFileName = package?.FileName ?? "";
        PackageSha256 = package?.Sha256 ?? "";
        Reviews = await SubmittedVersions.ReleasedReviewsAsync(db, [submission.Id], ct);
        Shares = await SubmittedVersions.SharesAsync(db, id, ct);
        Approved = await db.Approvals.AsNoTracking().Where(a => a.ProposalId == id).Select(a => (int?)a.SubmissionNumber).FirstOrDefaultAsync(ct);
        return Page();
    }
}
