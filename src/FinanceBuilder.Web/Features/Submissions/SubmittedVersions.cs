using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// The reads the versions pages share. Every query goes through the context's filters: another
/// organisation's proposal has no versions, and an applicant sees a review only once released.
public static class SubmittedVersions
{
    /// A line of the versions list: everything but the snapshot and the package bytes.
    public sealed record Line(Guid Id, int Number, DateTime SubmittedAt, string SubmittedByName, bool IsDraftPackage, int ErrorCount, long PackageBytes, int ProposalVersion)
    {
        public string Label => SubmissionRecord.FormatVersion(Number);
    }

    /// A donor's released scoring sheet, as the applicant reads it.
    public sealed record Review(Guid SubmissionId, string Organisation, string ReviewerName, IReadOnlyList<CriterionScore> Scores, ReviewRecommendation? Recommendation, string? Summary, DateTime? ReleasedAt);

    public static async Task<IReadOnlyList<Line>> LinesAsync(FinanceBuilderDbContext db, Guid proposalId, CancellationToken ct)
    {
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.ProposalId == proposalId)
            .OrderBy(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.SubmittedAt, s.SubmittedByName, s.IsDraftPackage, s.ErrorCount, s.ProposalVersion })
            .ToListAsync(ct);
        var sizes = await db.SubmissionPackages.AsNoTracking().Where(p => p.ProposalId == proposalId)
            .Select(p => new { p.SubmissionId, Bytes = (long)p.Content.Length })
            .ToDictionaryAsync(p => p.SubmissionId, p => p.Bytes, ct);
        return submissions.Select(s => new Line(s.Id, s.Number, s.SubmittedAt, s.SubmittedByName, s.IsDraftPackage, s.ErrorCount, sizes.GetValueOrDefault(s.Id), s.ProposalVersion)).ToList();
    }

    public static async Task<IReadOnlyList<Review>> ReleasedReviewsAsync(FinanceBuilderDbContext db, IReadOnlyCollection<Guid> submissionIds, CancellationToken ct)
    {
        // The filter already hides unreleased sheets from the applicant; said again here because
        // this page is the applicant's, whoever opens it.
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => submissionIds.Contains(r.SubmissionId) && r.ReleasedAt != null)
            .ToListAsync(ct);
        var names = await OrganisationNamesAsync(db, reviews.Select(r => r.DonorOrganisationId), ct);
        return reviews
            .OrderBy(r => r.ReleasedAt)
            .Select(r => new Review(r.SubmissionId, names.GetValueOrDefault(r.DonorOrganisationId, ""), r.ReviewerName, ReviewScores.Read(r.Scores), r.Recommendation, r.Summary, r.ReleasedAt))
            .ToList();
    }

    /// The donors this proposal is shared with, by name.
    public static async Task<IReadOnlyList<(Guid Id, string Name, DateTime SharedAt)>> SharesAsync(FinanceBuilderDbContext db, Guid proposalId, CancellationToken ct)
    {
        var shares = await db.ProposalShares.AsNoTracking().Where(s => s.ProposalId == proposalId).ToListAsync(ct);
        var names = await OrganisationNamesAsync(db, shares.Select(s => s.DonorOrganisationId), ct);
        return shares.Select(s => (s.DonorOrganisationId, names.GetValueOrDefault(s.DonorOrganisationId, ""), s.SharedAt))
            .OrderBy(s => s.Item2, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private static async Task<Dictionary<Guid, string>> OrganisationNamesAsync(FinanceBuilderDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

}
