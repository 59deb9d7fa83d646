using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;

namespace FinanceBuilder.Web.Features.Review.Workflow;

/// Where the reader's organisation stands on each submission, derived in the database from the
/// reviewers' sheets and the decision rather than stored beside them: the list filters and sorts
/// on it, and a status can never disagree with the sheets it is drawn from. The same query
/// answers the list (thousands of rows, paged) and one submission's page.
public static class ReviewProgress
{
    /// A submission with the applicant's name, its status, its deadline and whether the reader is
    /// one of its reviewers.
    public sealed class Tracked
    {
        public SubmissionRecord S { get; init; } = null!;
        public string Applicant { get; init; } = "";
        public ReviewStatus Status { get; init; }
        public DateOnly? Deadline { get; init; }
        public bool Mine { get; init; }

        /// The first assigned reviewer's name in alphabetical order (sorting by assignee); null
        /// when nobody is assigned.
        public string? FirstAssignee { get; init; }
    }

    /// new: nobody assigned; assigned: reviewers named, none has declared they are free of
    /// conflict; in review: at least one has; scored: every reviewer still in has handed in a
    /// sheet; released: the decision is released to the applicant. The deadline is the one set
    /// on the submission, else its call's, else the Board meeting the applicant targets.
    public static IQueryable<Tracked> Track(FinanceBuilderDbContext db, IQueryable<SubmissionRecord> submissions, Guid? me) =>
        from s in submissions
        join o in db.Organisations on s.OrganisationId equals o.Id
        select new Tracked
        {
            S = s,
            Applicant = o.Name,
            Status = db.Reviews.Any(r => r.SubmissionId == s.Id && r.ReleasedAt != null) ? ReviewStatus.Released
                : db.ReviewerSheets.Any(x => x.SubmissionId == s.Id && x.SubmittedAt != null && x.Conflict == ConflictDeclaration.None)
                    && !db.ReviewerSheets.Any(x => x.SubmissionId == s.Id && x.SubmittedAt == null && x.Conflict != ConflictDeclaration.Declared) ? ReviewStatus.Scored
                : db.ReviewerSheets.Any(x => x.SubmissionId == s.Id && x.Conflict == ConflictDeclaration.None) ? ReviewStatus.InReview
                : db.ReviewerSheets.Any(x => x.SubmissionId == s.Id) ? ReviewStatus.Assigned
                : ReviewStatus.New,
            Deadline = db.ReviewCases.Where(c => c.SubmissionId == s.Id)
                .Select(c => c.Deadline ?? db.ReviewCalls.Where(k => k.Id == c.CallId).Select(k => k.Deadline).FirstOrDefault())
                .FirstOrDefault() ?? s.TargetBoardDate,
            Mine = me != null && db.ReviewerSheets.Any(x => x.SubmissionId == s.Id && x.ReviewerUserId == me),
            FirstAssignee = db.ReviewerSheets.Where(x => x.SubmissionId == s.Id).OrderBy(x => x.ReviewerName).Select(x => x.ReviewerName).FirstOrDefault(),
        };
}
