using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Monitoring after approval (docs/decisions/0021-monitoring-after-approval.md): the approval,
/// the plan, the rounds, the values and the comments on them. Seen by those who work on the
/// proposal (its organisation and the agency that supports it) and by a donor the proposal is
/// shared with — who reads, and comments.
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<ApprovalRecord> Approvals => Set<ApprovalRecord>();
    public DbSet<MonitoredIndicator> MonitoredIndicators => Set<MonitoredIndicator>();
    public DbSet<ReportingRound> ReportingRounds => Set<ReportingRound>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<MonitoringComment> MonitoringComments => Set<MonitoringComment>();
    public DbSet<RoundEntry> RoundEntries => Set<RoundEntry>();
    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();

    private void ConfigureMonitoring(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApprovalRecord>(approval =>
        {
            approval.ToTable("approvals");
            approval.Property(a => a.BoardMeeting).HasMaxLength(40);
            approval.Property(a => a.ApprovedAmounts).HasMaxLength(4000);
            approval.Property(a => a.RecordedByName).HasMaxLength(200);
            approval.Property(a => a.Version).IsConcurrencyToken();
            // One approval per proposal (a restructuring is not supported yet, ADR 0021), and the
            // database says so: two editors approving at once cannot make two plans.
            approval.HasIndex(a => a.ProposalId).IsUnique();
            approval.HasOne<SubmissionRecord>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
            approval.HasQueryFilter(a => SeesAll || WorkOn.Contains(a.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == a.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<MonitoredIndicator>(indicator =>
        {
            indicator.ToTable("monitored_indicators");
            indicator.Property(i => i.Code).HasMaxLength(64);
            indicator.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.Name).HasMaxLength(500);
            indicator.Property(i => i.Unit).HasMaxLength(500);
            indicator.Property(i => i.MeansOfVerification).HasMaxLength(20000);
            indicator.Property(i => i.Frequency).HasConversion<string>().HasMaxLength(20);
            indicator.Property(i => i.IrmfCore).HasConversion<string>().HasMaxLength(10);
            indicator.HasIndex(i => new { i.ApprovalId, i.Code }).IsUnique();
            indicator.HasIndex(i => i.ProposalId);
            indicator.HasOne<ApprovalRecord>().WithMany().HasForeignKey(i => i.ApprovalId);
            indicator.HasQueryFilter(i => SeesAll || WorkOn.Contains(i.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == i.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<ReportingRound>(round =>
        {
            round.ToTable("reporting_rounds");
            round.Property(r => r.SentByName).HasMaxLength(200);
            round.HasIndex(r => new { r.ApprovalId, r.Year }).IsUnique();
            round.HasIndex(r => r.ProposalId);
            round.HasOne<ApprovalRecord>().WithMany().HasForeignKey(r => r.ApprovalId);
            round.HasQueryFilter(r => SeesAll || WorkOn.Contains(r.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == r.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<IndicatorValue>(value =>
        {
            value.ToTable("indicator_values");
            value.Property(v => v.Kind).HasConversion<string>().HasMaxLength(10);
            value.Property(v => v.MissingReason).HasMaxLength(2000);
            value.Property(v => v.Source).HasMaxLength(500);
            value.Property(v => v.EvidenceReference).HasMaxLength(500);
            value.Property(v => v.Note).HasMaxLength(2000);
            value.Property(v => v.CorrectionReason).HasMaxLength(2000);
            value.Property(v => v.EnteredByName).HasMaxLength(200);
            value.HasIndex(v => new { v.ProposalId, v.Year });
            // The annex files' filter asks whether a file is cited as evidence.
            value.HasIndex(v => v.EvidenceFileId);
            // Append-only, kept by the database: the first value of an indicator, year and kind
            // is one row, and each row is corrected at most once, so the values form one chain
            // whose end is the current value.
            value.HasIndex(v => new { v.IndicatorId, v.Year, v.Kind }).IsUnique().HasFilter("\"CorrectsId\" IS NULL")
                .HasDatabaseName("IX_indicator_values_first");
            value.HasIndex(v => v.CorrectsId).IsUnique().HasFilter("\"CorrectsId\" IS NOT NULL");
            value.HasOne<MonitoredIndicator>().WithMany().HasForeignKey(v => v.IndicatorId);
            value.HasOne<IndicatorValue>().WithOne().HasForeignKey<IndicatorValue>(v => v.CorrectsId).OnDelete(DeleteBehavior.Restrict);
            value.HasQueryFilter(v => SeesAll || WorkOn.Contains(v.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == v.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<RoundEntry>(entry =>
        {
            entry.ToTable("round_entries");
            entry.Property(e => e.Section).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Key).HasMaxLength(64);
            entry.Property(e => e.Data).HasMaxLength(8000);
            entry.Property(e => e.CorrectionReason).HasMaxLength(2000);
            entry.Property(e => e.EnteredByName).HasMaxLength(200);
            // The same chain as indicator values: one first row per line, each row corrected once.
            entry.HasIndex(e => new { e.ProposalId, e.Year, e.Section, e.Key }).IsUnique().HasFilter("\"CorrectsId\" IS NULL")
                .HasDatabaseName("IX_round_entries_first");
            entry.HasIndex(e => e.CorrectsId).IsUnique().HasFilter("\"CorrectsId\" IS NOT NULL");
            entry.HasOne<RoundEntry>().WithOne().HasForeignKey<RoundEntry>(e => e.CorrectsId).OnDelete(DeleteBehavior.Restrict);
            entry.HasQueryFilter(e => SeesAll || WorkOn.Contains(e.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == e.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<ReminderRecord>(reminder =>
        {
            reminder.ToTable("reporting_reminders");
            reminder.HasKey(r => new { r.RoundId, r.DaysFromDue });
            reminder.HasOne<ReportingRound>().WithMany().HasForeignKey(r => r.RoundId);
            reminder.HasQueryFilter(r => SeesAll || WorkOn.Contains(r.OrganisationId));
        });

        modelBuilder.Entity<MonitoringComment>(comment =>
        {
            comment.ToTable("monitoring_comments");
            comment.Property(c => c.AuthorOrganisationName).HasMaxLength(200);
            comment.Property(c => c.AuthorName).HasMaxLength(200);
            comment.Property(c => c.Text).HasMaxLength(4000);
            comment.HasIndex(c => new { c.RoundId, c.CreatedAt });
            comment.HasOne<ReportingRound>().WithMany().HasForeignKey(c => c.RoundId);
            comment.HasQueryFilter(c => SeesAll || WorkOn.Contains(c.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == c.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });
    }
}
