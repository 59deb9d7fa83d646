using Npgsql;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// A fresh, empty database for one test (style.md §16): a SQLite file in its own temporary
/// folder, or — when the run provides FB_TEST_POSTGRES (test.sh's PostgreSQL leg) — a new
/// PostgreSQL database created for the test and dropped after it.
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "FB_TEST_POSTGRES";

    private readonly string? adminConnection;
    private readonly string? databaseName;

    public TestDatabase()
    {
        adminConnection = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(adminConnection))
        {
            adminConnection = null;
            DataDirectory = Directory.CreateTempSubdirectory("fb-test-").FullName;
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
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            command.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = databaseName }.ToString();
        Settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString };
    }

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string? DataDirectory { get; }
    public string? ConnectionString { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// The same settings as command-line options, for the `import`/`export` commands.
    public string[] CommandLineOptions => Settings.Select(s => $"--{s.Key}={s.Value}").ToArray();

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
        else if (DataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
