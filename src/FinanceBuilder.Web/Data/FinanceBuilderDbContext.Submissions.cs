using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Submitted versions, their packages, shares with donors and the donors' scoring sheets. An
/// applicant sees its own; a donor sees the submissions of proposals shared with it, and only
/// its own reviews; an applicant sees a review once it is released.
public abstract partial class FinanceBuilderDbContext
{
    private void ConfigureSubmissions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SubmissionRecord>(submission =>
        {
            submission.ToTable("submissions");
            submission.Property(s => s.IdempotencyKey).HasMaxLength(64);
            submission.Property(s => s.SubmittedByName).HasMaxLength(200);
            submission.Property(s => s.Title).HasMaxLength(500);
            submission.Property(s => s.Fund).HasMaxLength(40);
            submission.Property(s => s.Route).HasMaxLength(40);
            submission.Property(s => s.Country).HasMaxLength(2);
            submission.Property(s => s.Size).HasMaxLength(20);
            submission.Property(s => s.EssCategory).HasMaxLength(20);
            submission.Ignore(s => s.VersionLabel);
            // The database, not a check in code, guarantees one V.00n per proposal, one
            // submission per key and one per stored version (T42).
            submission.HasIndex(s => new { s.ProposalId, s.Number }).IsUnique();
            submission.HasIndex(s => new { s.ProposalId, s.IdempotencyKey }).IsUnique();
            submission.HasIndex(s => new { s.ProposalId, s.ProposalVersion }).IsUnique();
            submission.HasQueryFilter(s => SeesAll || (!s.ProposalDeleted && (WorkOn.Contains(s.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == s.ProposalId && share.DonorOrganisationId == MyOrganisation))));
        });

        modelBuilder.Entity<SubmissionPackage>(package =>
        {
            package.ToTable("submission_packages");
            package.HasKey(p => p.SubmissionId);
            package.Property(p => p.FileName).HasMaxLength(300);
            package.Property(p => p.Sha256).HasMaxLength(64);
            package.HasOne<SubmissionRecord>().WithOne().HasForeignKey<SubmissionPackage>(p => p.SubmissionId);
            package.HasQueryFilter(p => SeesAll || (!p.ProposalDeleted && (WorkOn.Contains(p.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == p.ProposalId && share.DonorOrganisationId == MyOrganisation))));
        });

        modelBuilder.Entity<ProposalShare>(share =>
        {
            share.ToTable("proposal_shares");
            share.HasKey(s => new { s.ProposalId, s.DonorOrganisationId });
            share.HasIndex(s => s.DonorOrganisationId);
            share.HasQueryFilter(s => SeesAll || WorkOn.Contains(s.OrganisationId) || s.DonorOrganisationId == MyOrganisation);
        });

        modelBuilder.Entity<ReviewRecord>(review =>
        {
            review.ToTable("reviews");
            review.Property(r => r.ReviewerName).HasMaxLength(200);
            review.Property(r => r.Scores).HasMaxLength(40000);
            review.Property(r => r.Summary).HasMaxLength(8000);
            review.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(30);
            review.Property(r => r.Version).IsConcurrencyToken();
            review.HasIndex(r => new { r.SubmissionId, r.DonorOrganisationId }).IsUnique();
            review.HasQueryFilter(r => SeesAll || r.DonorOrganisationId == MyOrganisation
                || (r.ReleasedAt != null && WorkOn.Contains(r.OrganisationId)));
        });

        // The donor's own working rows: never the applicant's to read, released or not.
        modelBuilder.Entity<ReviewerSheet>(sheet =>
        {
            sheet.ToTable("reviewer_sheets");
            sheet.Property(s => s.ReviewerName).HasMaxLength(200);
            sheet.Property(s => s.AssignedByName).HasMaxLength(200);
            sheet.Property(s => s.Conflict).HasConversion<string>().HasMaxLength(20);
            sheet.Property(s => s.ConflictNote).HasMaxLength(2000);
            sheet.Property(s => s.Scores).HasMaxLength(40000);
            sheet.Property(s => s.Summary).HasMaxLength(8000);
            sheet.Property(s => s.Recommendation).HasConversion<string>().HasMaxLength(30);
            sheet.Property(s => s.Version).IsConcurrencyToken();
            // One sheet per reviewer and submission, whichever node or tab creates it.
            sheet.HasIndex(s => new { s.SubmissionId, s.ReviewerUserId }).IsUnique();
            sheet.HasIndex(s => new { s.DonorOrganisationId, s.ReviewerUserId });
            sheet.HasQueryFilter(s => SeesAll || s.DonorOrganisationId == MyOrganisation);
        });

        modelBuilder.Entity<ReviewCase>(item =>
        {
            item.ToTable("review_cases");
            item.HasKey(c => new { c.SubmissionId, c.DonorOrganisationId });
            item.Property(c => c.Version).IsConcurrencyToken();
            item.HasIndex(c => c.DonorOrganisationId);
            item.HasQueryFilter(c => SeesAll || c.DonorOrganisationId == MyOrganisation);
        });

        // A donor's reviewers read their comments at once; the applicant once the donor's decision
        // on that version is released (read again on every request, like the share).
        modelBuilder.Entity<SectionComment>(comment =>
        {
            comment.ToTable("section_comments");
            comment.Property(c => c.Section).HasMaxLength(SectionComment.MaxSectionLength);
            comment.Property(c => c.SectionId).HasMaxLength(20);
            comment.Property(c => c.AuthorName).HasMaxLength(200);
            comment.Property(c => c.Text).HasMaxLength(SectionComment.MaxTextLength);
            comment.HasIndex(c => new { c.SubmissionId, c.DonorOrganisationId });
            comment.HasQueryFilter(c => SeesAll || c.DonorOrganisationId == MyOrganisation
                || (WorkOn.Contains(c.OrganisationId)
                    && Reviews.Any(r => r.SubmissionId == c.SubmissionId && r.DonorOrganisationId == c.DonorOrganisationId && r.ReleasedAt != null)));
        });

        modelBuilder.Entity<ReviewCall>(call =>
        {
            call.ToTable("review_calls");
            call.Property(c => c.Name).HasMaxLength(200);
            call.Property(c => c.Rubric).HasMaxLength(200000);
            call.Property(c => c.Version).IsConcurrencyToken();
            call.HasIndex(c => c.DonorOrganisationId);
            call.HasQueryFilter(c => SeesAll || c.DonorOrganisationId == MyOrganisation);
        });
    }
}
