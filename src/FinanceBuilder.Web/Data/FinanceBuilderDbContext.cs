using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// The application's database. One model for both providers; each provider has its own
/// subclass only so that each keeps its own migrations (Data/Migrations/Sqlite, …/Postgres).
public abstract class FinanceBuilderDbContext(DbContextOptions options, ICurrentOrganisation organisation) : DbContext(options)
{
    /// Read by the query filter at query time, so each context sees its own organisation.
    public Guid OrganisationId { get; } = organisation.Id;

    public DbSet<ProposalRecord> Proposals => Set<ProposalRecord>();
    public DbSet<OrganisationRecord> Organisations => Set<OrganisationRecord>();

    /// SQLite gives DateTime values back without a kind; every timestamp here is UTC, and says so
    /// when serialised ("…Z").
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationRecord>(org =>
        {
            org.ToTable("organisations");
            org.Property(o => o.Name).HasMaxLength(500);
        });

        modelBuilder.Entity<ProposalRecord>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.Property(p => p.Title).HasMaxLength(500);
            proposal.Property(p => p.Fund).HasMaxLength(40);
            proposal.Property(p => p.Route).HasMaxLength(40);
            proposal.Property(p => p.Language).HasMaxLength(8);
            proposal.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            proposal.Property(p => p.Version).IsConcurrencyToken();
            proposal.HasOne<OrganisationRecord>().WithMany().HasForeignKey(p => p.OwnerOrganisationId);
            proposal.HasIndex(p => new { p.OwnerOrganisationId, p.IsDeleted, p.UpdatedAt });
            // Tenancy and soft delete in one place: no query can forget either.
            proposal.HasQueryFilter(p => p.OwnerOrganisationId == OrganisationId && !p.IsDeleted);
        });
    }
}

public sealed class SqliteFinanceBuilderDbContext(DbContextOptions<SqliteFinanceBuilderDbContext> options, ICurrentOrganisation organisation)
    : FinanceBuilderDbContext(options, organisation);

public sealed class PostgresFinanceBuilderDbContext(DbContextOptions<PostgresFinanceBuilderDbContext> options, ICurrentOrganisation organisation)
    : FinanceBuilderDbContext(options, organisation);

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
