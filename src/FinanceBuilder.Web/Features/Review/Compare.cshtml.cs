using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Proposals.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// Two to ten shared submissions side by side on what reviewers compare (Comparison), with the
/// best and worst of each row marked, and the same table as CSV or XLSX (?format=csv|xlsx). One
/// id the reader cannot see makes the whole page 404, so the page never confirms that a
/// submission exists.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewComparePage(FinanceBuilderDbContext db, ProposalReader reader) : PageModel
{
    public const int Min = 2;
    public const int Max = 10;

    public IReadOnlyList<Comparison.Column> Columns { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string[] ids, string? format, CancellationToken ct)
    {
        if (format is not (null or "csv" or "xlsx"))
            return NotFound();
        var parsed = new List<Guid>();
        foreach (var text in ids.Take(Max + 1))
        {
            if (!Guid.TryParse(text, out var id))
                return NotFound();
            if (!parsed.Contains(id))
                parsed.Add(id);
        }
        if (parsed.Count is < Min or > Max)
        {
            Problem = ReviewText.Texts["Compare.Count", Min, Max];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var found = await Workflow.ReviewProgress.Track(db, db.Submissions.AsNoTracking().Where(s => parsed.Contains(s.Id)), null).ToListAsync(ct);
        if (found.Count != parsed.Count)
            return NotFound();
        var reviews = await db.Reviews.AsNoTracking().Where(r => parsed.Contains(r.SubmissionId)).ToListAsync(ct);
        var sheets = (await db.ReviewerSheets.AsNoTracking().Where(x => parsed.Contains(x.SubmissionId)).ToListAsync(ct)).ToLookup(x => x.SubmissionId);
        Columns = parsed.Select(id => found.First(f => f.S.Id == id))
            .Select(f => new Comparison.Column(f.S, f.Applicant, ImplementationMonths(f.S.Document), reviews.FirstOrDefault(r => r.SubmissionId == f.S.Id),
                Workflow.Consensus.Of(sheets[f.S.Id]), f.Status))
            .ToList();
        var culture = CultureInfo.CurrentUICulture;
        return format switch
        {
            "csv" => File(ComparisonExport.Csv(Columns, culture), "text/csv; charset=utf-8", ReviewText.Texts["Compare.FileName"] + ".csv"),
            "xlsx" => File(ComparisonExport.Xlsx(Columns, ReviewText.Texts["Compare.Title"], culture), ComparisonExport.XlsxType, ReviewText.Texts["Compare.FileName"] + ".xlsx"),
            _ => Page(),
        };
    }

    /// The implementation period is not among the figures copied at submission: it is read from
    /// the version's frozen document (a few milliseconds each).
    private int? ImplementationMonths(string document) =>
        reader.Read(System.Text.Encoding.UTF8.GetBytes(document), CultureInfo.InvariantCulture).Proposal?.Basics.ImplementationMonths;
}
