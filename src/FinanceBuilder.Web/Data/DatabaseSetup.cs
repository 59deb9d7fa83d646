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
        {
            // A write that meets a row another transaction holds waits LockWaitMilliseconds, then
            // the request answers 503 with Retry-After (App/DatabaseBusy), rather than waiting as
            // long as the other transaction lasts. Options the operator gave are kept.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            if (string.IsNullOrEmpty(builder.Options))
                builder.Options = $"-c lock_timeout={options.Database.LockWaitMilliseconds}";
            return new DatabaseTarget(DatabaseProvider.Postgres, builder.ToString(), null);
        }

        var directory = options.DataFolder(workingDirectory);
        var file = Path.Combine(directory, "financebuilder.db");
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            // Fail fast under contention instead of the 30 s default (reliability-tests finding 5):
            // Microsoft.Data.Sqlite retries a busy answer until this many seconds have passed,
            // so it follows the lock wait (busy_timeout, below) rather than adding to it.
            DefaultTimeout = Math.Max(1, (options.Database.LockWaitMilliseconds + 999) / 1000),
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
            var lockWait = sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Database.LockWaitMilliseconds;
            o.UseSqlite(target.ConnectionString).AddInterceptors([SqlitePragmas.For(lockWait), .. sp.GetServices<IInterceptor>()]);
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
internal sealed class SqlitePragmas(int lockWaitMilliseconds) : DbConnectionInterceptor
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SqlitePragmas> Made = new();

    /// One instance per setting: EF Core builds a new internal service provider for every
    /// distinct set of interceptors, so a new instance per context would build one per request.
    public static SqlitePragmas For(int lockWaitMilliseconds) => Made.GetOrAdd(lockWaitMilliseconds, ms => new SqlitePragmas(ms));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // busy_timeout: a write that meets another waits inside SQLite, a few milliseconds at a
        // time, instead of Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms on every busy
        // answer (the 0.2–1 s tails of the open-loop load, bench/RESULTS.md, issue 12). Past it
        // the request answers 503 with Retry-After (App/DatabaseBusy), not a 500 after 5 s.
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={lockWaitMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        command.ExecuteNonQuery();
    }
}
