using System.Data.Common;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Data;

/// Chooses the database (design D10): a SQLite file under the data directory by default, or
/// PostgreSQL when a connection string named "Postgres" is configured
/// (appsettings, or the environment variable ConnectionStrings__Postgres).
public static class DatabaseSetup
{
    /// Relative data directories are resolved against the directory the command was started
    /// from (`dotnet run` keeps it: RunWorkingDirectory in the project file), so
    /// `dotnet run --project src/FinanceBuilder.Web` at the repository root keeps its data in
    /// ./data, not inside bin/.
    public static DatabaseTarget Describe(IConfiguration configuration, FinanceBuilderOptions options, string workingDirectory)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new DatabaseTarget(DatabaseProvider.Postgres, postgres, null);

        var directory = options.DataFolder(workingDirectory);
        var file = Path.Combine(directory, "financebuilder.db");
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            // Fail fast under contention instead of the 30 s default (reliability-tests finding 5).
            DefaultTimeout = 5,
            Pooling = true,
        }.ToString();
        return new DatabaseTarget(DatabaseProvider.Sqlite, connection, file);
    }

    /// Registers both providers; which one serves FinanceBuilderDbContext is decided from the
    /// configuration when first needed (so test hosts can set it after the app was composed).
    public static IServiceCollection AddFinanceBuilderDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => Describe(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value, Directory.GetCurrentDirectory()));
        services.AddScoped<AccessScope>();
        // Interceptors registered by the features (the audit trail) join every context; the data
        // layer does not know them by name.
        services.AddDbContext<PostgresFinanceBuilderDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DatabaseTarget>().ConnectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddDbContext<SqliteFinanceBuilderDbContext>((sp, o) =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            Directory.CreateDirectory(Path.GetDirectoryName(target.SqliteFile)!);
            o.UseSqlite(target.ConnectionString).AddInterceptors([SqlitePragmas.Instance, .. sp.GetServices<IInterceptor>()]);
        });
        services.AddHostedService<SqliteStatistics>();
        services.AddScoped<FinanceBuilderDbContext>(sp => sp.GetRequiredService<DatabaseTarget>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresFinanceBuilderDbContext>()
            : sp.GetRequiredService<SqliteFinanceBuilderDbContext>());
        return services;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string? SqliteFile)
{
    /// What to tell a person about where the data is, without the password.
    /// Where the work is kept, as the pages say it: the SQLite file's full path, or "PostgreSQL".
    public string Location => Provider == DatabaseProvider.Sqlite ? Path.GetFullPath(SqliteFile!) : "PostgreSQL";

    public string Description => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqliteFile}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ToString()}";
}

/// WAL with synchronous=NORMAL is durable across process crashes and roughly 1.6× faster for
/// autosaves than FULL (reliability-tests A4, measured there). The pragma is per connection.
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // busy_timeout: a write that meets another waits inside SQLite, a few milliseconds at a
        // time, instead of Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms on every busy
        // answer (the 0.2–1 s tails of the open-loop load, bench/RESULTS.md, issue 12).
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
    }
}
