using FinanceBuilder.Web.Data.Collaboration;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// The audit trail and comments: seen by those who work on the proposal, never by a donor.
public abstract partial class FinanceBuilderDbContext
{
    private void ConfigureCollaboration(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEvent>(audit =>
        {
            audit.ToTable("audit_events");
            audit.Property(a => a.UserName).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(40);
            audit.Property(a => a.Section).HasMaxLength(80);
            audit.Property(a => a.Summary).HasMaxLength(4000);
            audit.HasIndex(a => new { a.ProposalId, a.At });
            audit.HasQueryFilter(a => SeesAll || WorkOn.Contains(a.OrganisationId));
        });

        modelBuilder.Entity<CommentRecord>(comment =>
        {
            comment.ToTable("comments");
            comment.Property(c => c.Section).HasMaxLength(80);
            comment.Property(c => c.AuthorName).HasMaxLength(200);
            comment.Property(c => c.Text).HasMaxLength(4000);
            comment.HasIndex(c => new { c.ProposalId, c.Section });
            comment.HasQueryFilter(c => SeesAll || WorkOn.Contains(c.OrganisationId));
        });
    }
}
