using Microsoft.Extensions.Logging;
using Npgsql;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// A fresh, empty database for one test (style.md §16): a SQLite file in its own temporary
/// folder, or — when the run provides FB_TEST_POSTGRES (test.sh's PostgreSQL leg) — a new
/// PostgreSQL database created for the test and dropped after it. A PostgreSQL database is a
/// copy of one migrated once per test run (CREATE DATABASE … TEMPLATE, a file copy of a tenth of
/// a second): migrating each test's database took most of the leg's time. The app still runs its
/// migration check at start and finds nothing to do, as on an upgraded server.
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "FB_TEST_POSTGRES";

    private readonly string? adminConnection;
    private readonly string? databaseName;

    /// <param name="empty">No schema at all (a restore's target), instead of a migrated copy.</param>
    public TestDatabase(bool empty = false)
    {
        adminConnection = Environment.GetEnvironmentVariable(PostgresVariable);
        // The data folder holds the SQLite file, and on both databases the outbox and the
        // annex folder: one per test, so no test reads another's mail.
        DataDirectory = Directory.CreateTempSubdirectory("fb-test-").FullName;
        if (string.IsNullOrWhiteSpace(adminConnection))
        {
            adminConnection = null;
            if (!empty)
                File.Copy(MigratedSqliteFile.Value, Path.Combine(DataDirectory, SqliteFileName));
            Settings = new Dictionary<string, string?>
            {
                ["FinanceBuilder:DataDirectory"] = DataDirectory,
                ["ConnectionStrings:Postgres"] = "",
            };
            return;
        }

        databaseName = "fb_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(adminConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand(empty ? $"CREATE DATABASE \"{databaseName}\"" : $"CREATE DATABASE \"{databaseName}\" TEMPLATE \"{MigratedTemplate.Value}\"", connection);
            command.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = databaseName }.ToString();
        Settings = new Dictionary<string, string?>
        {
            ["FinanceBuilder:DataDirectory"] = DataDirectory,
            ["ConnectionStrings:Postgres"] = ConnectionString,
        };
    }

    private const string SqliteFileName = "financebuilder.db";

    /// The run's migrated SQLite file, copied into each test's folder.
    private static readonly Lazy<string> MigratedSqliteFile = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("fb-test-template-").FullName;
        Migrate([$"--FinanceBuilder:DataDirectory={folder}", "--ConnectionStrings:Postgres="]);
        // Closing the last connection folds the write-ahead log into the file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return Path.Combine(folder, SqliteFileName);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static void Migrate(string[] settings)
    {
        var builder = FinanceBuilder.Web.App.FinanceBuilderApp.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        using var app = builder.Build();
        FinanceBuilder.Web.Data.DatabaseStartup.MigrateAsync(app.Services).GetAwaiter().GetResult();
    }

    /// The run's migrated PostgreSQL database, made at the first test that needs one and dropped
    /// when the test process ends. No connection may stay open on it, or copies of it fail.
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = "fb_template_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        var template = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        Migrate([$"--ConnectionStrings:Postgres={template}"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var connection = new NpgsqlConnection(admin);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException) { /* the throwaway cluster goes with the run anyway */ }
        };
        return name;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string DataDirectory { get; }
    public string? ConnectionString { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// The same settings as command-line options, for the `import`/`export` commands.
    public string[] CommandLineOptions => Settings.Select(s => $"--{s.Key}={s.Value}").ToArray();

    /// The database stops answering, as when its server is down: PostgreSQL refuses connections
    /// to it and ends those open; SQLite's file is overwritten with bytes that are no database.
    public void MakeUnreachable()
    {
        if (adminConnection is not null && databaseName is not null)
        {
            using var connection = new NpgsqlConnection(adminConnection);
            connection.Open();
            foreach (var sql in new[] { $"ALTER DATABASE \"{databaseName}\" ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{databaseName}'" })
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            }
            using var own = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(own);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var extra in new[] { "-wal", "-shm" })
            File.Delete(Path.Combine(DataDirectory, SqliteFileName + extra));
        File.WriteAllBytes(Path.Combine(DataDirectory, SqliteFileName), new byte[8192]);
    }

    public void Dispose()
    {
        if (adminConnection is not null && databaseName is not null)
        {
            // This database's pool only: clearing every pool closed the connections of the tests
            // running beside this one, which then had to open new ones.
            using (var own = new NpgsqlConnection(ConnectionString))
                NpgsqlConnection.ClearPool(own);
            using var connection = new NpgsqlConnection(adminConnection);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
