using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// Two to four shared submissions side by side on the list's key figures and the scores of the
/// reader's organisation. One id the reader cannot see makes the whole page 404, so the page
/// never confirms that a submission exists.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewComparePage(FinanceBuilderDbContext db) : PageModel
{
    public const int Min = 2;
    public const int Max = 4;

    public sealed record Column(SubmissionRecord Submission, string Applicant, ReviewRecord? Review)
    {
        public IReadOnlyList<CriterionScore> Scores => ReviewScores.Read(Review?.Scores ?? "[]");
    }

    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string[] ids, CancellationToken ct)
    {
        var parsed = new List<Guid>();
        foreach (var text in ids)
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
        var found = await (from s in db.Submissions.AsNoTracking()
                           where parsed.Contains(s.Id)
                           join o in db.Organisations on s.OrganisationId equals o.Id
                           select new { s, o.Name }).ToListAsync(ct);
        if (found.Count != parsed.Count)
            return NotFound();
        var reviews = await db.Reviews.AsNoTracking().Where(r => parsed.Contains(r.SubmissionId)).ToListAsync(ct);
        Columns = parsed.Select(id => found.First(f => f.s.Id == id))
            .Select(f => new Column(f.s, f.Name, reviews.FirstOrDefault(r => r.SubmissionId == f.s.Id)))
            .ToList();
        return Page();
    }
}
