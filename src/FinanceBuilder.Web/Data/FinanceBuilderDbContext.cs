using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Collaboration;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// The application's database. One model for both providers; each provider has its own
/// subclass only so that each keeps its own migrations (Data/Migrations/Sqlite, …/Postgres).
/// Identity's user tables live here too (design D11), and so do the data-protection keys, so
/// that web nodes share cookies (design D13).
public abstract partial class FinanceBuilderDbContext(DbContextOptions options, AccessScope access)
    : IdentityUserContext<UserAccount, Guid>(options), IDataProtectionKeyContext
{
    public AccessScope Access { get; } = access;

    // Read by the query filters at query time (EF Core turns them into parameters), so each
    // context sees what its own request may see.
    private bool SeesAll => Access.SeesAllOrganisations;
    private IReadOnlyList<Guid> WorkOn => Access.ProposalOrganisationIds;
    private Guid MyOrganisation => Access.OrganisationId;
    private bool PlatformAdmin => Access.IsPlatformAdmin;
    private Guid? MyUser => Access.UserId;

    public DbSet<ProposalRecord> Proposals => Set<ProposalRecord>();
    public DbSet<OrganisationRecord> Organisations => Set<OrganisationRecord>();
    public DbSet<AgencyLink> AgencyLinks => Set<AgencyLink>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<PrivilegedEvent> PrivilegedEvents => Set<PrivilegedEvent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CommentRecord> Comments => Set<CommentRecord>();
    public DbSet<SubmissionRecord> Submissions => Set<SubmissionRecord>();
    public DbSet<SubmissionPackage> SubmissionPackages => Set<SubmissionPackage>();
    public DbSet<ProposalShare> ProposalShares => Set<ProposalShare>();
    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();
    public DbSet<ReviewerSheet> ReviewerSheets => Set<ReviewerSheet>();
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<ReviewCall> ReviewCalls => Set<ReviewCall>();
    public DbSet<SectionComment> SectionComments => Set<SectionComment>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// SQLite gives DateTime values back without a kind; every timestamp here is UTC, and says so
    /// when serialised ("…Z").
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // SQLite stores decimals as text and cannot sort them as numbers; the donor list sorts on
        // amounts, so key figures are stored as floating point on both providers.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureAccounts(builder);
        ConfigureProposals(builder);
        ConfigureCollaboration(builder);
        ConfigureSubmissions(builder);
        ConfigureDirectory(builder);
        ConfigureAnnexes(builder);
        ConfigureCatalogue(builder);
        ConfigureMonitoring(builder);
        ConfigureParticipation(builder);
        ConfigureNotifications(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    private void ConfigureProposals(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ProposalRecord>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.Property(p => p.Title).HasMaxLength(500);
            proposal.Property(p => p.Fund).HasMaxLength(40);
            proposal.Property(p => p.Route).HasMaxLength(40);
            proposal.Property(p => p.Language).HasMaxLength(8);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            proposal.Property(p => p.Version).IsConcurrencyToken();
            proposal.Property(p => p.CheckedSteps).HasMaxLength(2000).HasDefaultValue("*");
            proposal.HasOne<OrganisationRecord>().WithMany().HasForeignKey(p => p.OwnerOrganisationId);
            proposal.HasIndex(p => new { p.OwnerOrganisationId, p.IsDeleted, p.UpdatedAt });
            // Tenancy and soft delete in one place: no query can forget either.
            proposal.HasQueryFilter(p => (SeesAll || WorkOn.Contains(p.OwnerOrganisationId)) && !p.IsDeleted);
        });
}

public sealed class SqliteFinanceBuilderDbContext(DbContextOptions<SqliteFinanceBuilderDbContext> options, AccessScope access)
    : FinanceBuilderDbContext(options, access);

public sealed class PostgresFinanceBuilderDbContext(DbContextOptions<PostgresFinanceBuilderDbContext> options, AccessScope access)
    : FinanceBuilderDbContext(options, access);

public static class ProposalVersioning
{
    /// Prepares a save of a proposal read at <paramref name="readVersion"/>: the UPDATE will only
    /// match that version (so a concurrent save makes this one fail with
    /// DbUpdateConcurrencyException instead of overwriting it), and the row moves to the next one.
    public static void SaveAsNextVersion(this FinanceBuilderDbContext db, ProposalRecord record, int readVersion, DateTime now)
    {
        db.Entry(record).Property(r => r.Version).OriginalValue = readVersion;
        record.Version = readVersion + 1;
        record.UpdatedAt = now;
    }
}
