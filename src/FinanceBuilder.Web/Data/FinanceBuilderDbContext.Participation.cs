using FinanceBuilder.Web.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Participation (docs/decisions/0022-participation.md): the consultations held for a proposal,
/// seen by those who work on it.
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<ConsultationRecord> Consultations => Set<ConsultationRecord>();

    private void ConfigureParticipation(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ConsultationRecord>(consultation =>
        {
            consultation.ToTable("consultations");
            consultation.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
            consultation.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
            consultation.Property(c => c.Place).HasMaxLength(500);
            consultation.Property(c => c.Languages).HasMaxLength(200);
            consultation.Property(c => c.Organiser).HasMaxLength(500);
            consultation.Property(c => c.Asked).HasMaxLength(20000);
            consultation.Property(c => c.Attendance).HasMaxLength(4000);
            consultation.Property(c => c.RecordedByName).HasMaxLength(200);
            consultation.HasIndex(c => new { c.ProposalId, c.HeldOn });
            consultation.HasQueryFilter(c => SeesAll || WorkOn.Contains(c.OrganisationId));
        });
}
