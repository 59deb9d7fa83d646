using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Brings the database to the current schema at start and checks what EF Core does not:
/// EF sets WAL only when it creates the SQLite file, so a file restored from a backup or made
/// by another tool may not be in WAL mode (reliability-tests finding 4).
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = SystemScope.Create(services, out var db);
        var target = scope.ServiceProvider.GetRequiredService<DatabaseTarget>();
        // EF's MigrateAsync first compares the model with the last migration's snapshot, a tenth
        // of a second of CPU at every start (and in every test host) even with nothing to apply.
        // That guard — a model change without its migration — is a test (MigrationTests); a
        // start with nothing to apply reads the history table and goes on. With migrations to
        // apply, MigrateAsync takes EF's migration lock, so two nodes starting together apply
        // them once.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            EnsureWal(target.ConnectionString);
            SqliteStatistics.Refresh(target.ConnectionString, startup: true);
        }
        await EnsureWorkspaceAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    public static void EnsureWal(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The SQLite database {connection.DataSource} could not be put in WAL mode (it reports '{mode}'). Is the file on a network share or read-only?");
    }

    private static async Task EnsureWorkspaceAsync(FinanceBuilderDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Id == AccessScope.WorkspaceOrganisationId, cancellationToken))
            return;
        db.Organisations.Add(new OrganisationRecord
        {
            Id = AccessScope.WorkspaceOrganisationId,
            Name = "Workspace",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node may have created it at the same moment: that is the outcome we wanted.
            if (!await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == AccessScope.WorkspaceOrganisationId, cancellationToken))
                throw;
        }
    }
}
