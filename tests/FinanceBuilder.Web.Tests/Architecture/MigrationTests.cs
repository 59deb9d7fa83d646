using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Architecture;

/// Every change of the model has its migration, for both databases. The app no longer asks EF
/// to compare the model with the migrations' snapshot at each start (DatabaseStartup: a tenth
/// of a second of CPU per start, and per test host); this test is that guard, once per run.
public sealed class MigrationTests
{
    [Fact]
    public void TheSqliteMigrations_DescribeTheWholeModel()
    {
        using var db = new SqliteFinanceBuilderDbContext(
            new DbContextOptionsBuilder<SqliteFinanceBuilderDbContext>().UseSqlite("Data Source=:memory:").Options, new AccessScope());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run 'dotnet ef migrations add …' for SqliteFinanceBuilderDbContext (the two commands are in Data/DesignTimeFactories.cs).");
    }

    [Fact]
    public void ThePostgresMigrations_DescribeTheWholeModel()
    {
        // No connection is opened: the comparison reads the model and the migrations' snapshot.
        using var db = new PostgresFinanceBuilderDbContext(
            new DbContextOptionsBuilder<PostgresFinanceBuilderDbContext>().UseNpgsql("Host=unused.invalid").Options, new AccessScope());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run 'dotnet ef migrations add …' for PostgresFinanceBuilderDbContext (the two commands are in Data/DesignTimeFactories.cs).");
    }
}
