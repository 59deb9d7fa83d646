using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FinanceBuilder.Web.Tests.Api;

/// SQLite only: the PostgreSQL pass of test.sh leaves it out (Database=SqliteOnly).
[Trait("Database", "SqliteOnly")]
public sealed class SqliteStartupTests
{
    /// EF Core only sets WAL when it creates the file; a database made another way (restored
    /// from a backup, created by a tool) must be switched at start (reliability-tests finding 4).
    [Fact]
    public async Task Startup_PutsAnExistingSqliteFileInWalMode()
    {
        using var app = new AppFactory();
        var file = Path.Combine(app.Database.DataDirectory, "financebuilder.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE restored_from_backup(x);";
            command.ExecuteNonQuery();
        }

        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        using var check = new SqliteConnection($"Data Source={file};Pooling=False");
        check.Open();
        using var mode = check.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", mode.ExecuteScalar());
    }
}
