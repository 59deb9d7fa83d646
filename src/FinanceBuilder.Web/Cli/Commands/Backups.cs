using System.Diagnostics;
using FinanceBuilder.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FinanceBuilder.Web.Cli.Commands;

/// `backup <file>` and `restore <file>` (issue 19), on the configured database, the app running
/// or not. SQLite: SQLite's online backup API, a consistent copy while the app keeps writing
/// (WAL); restore copies it into a data folder whose database is new or empty. PostgreSQL:
/// pg_dump's custom format and pg_restore into an empty database, the password passed in the
/// environment (never on a command line other users can list). A restored database is then
/// migrated, so a backup of an older version comes back up to date. Annex files kept in a
/// Folder store are not in the database: copy that folder too (docs/operations.md).
public static class Backups
{
    public static async Task<int> BackupAsync(DatabaseTarget target, string file, TextWriter stdout, TextWriter stderr)
    {
        if (File.Exists(file))
            return await FailAsync(stderr, $"{file}: exists already; name a new file");
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            if (!File.Exists(target.SqliteFile))
                return await FailAsync(stderr, $"{target.SqliteFile}: no database to back up");
            await using (var source = new SqliteConnection(target.ConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
            }
            await stdout.WriteLineAsync($"{file}\t{new FileInfo(file).Length} bytes\tSQLite backup of {target.SqliteFile}");
            return 0;
        }
        var (exit, error) = await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file], target.ConnectionString);
        if (exit != 0)
            return await FailAsync(stderr, $"pg_dump: {error.Trim()}");
        await stdout.WriteLineAsync($"{file}\t{new FileInfo(file).Length} bytes\tPostgreSQL backup (pg_dump custom format)");
        return 0;
    }

    /// Restores into the configured database, which must be empty: a restore never mixes two
    /// databases' rows, and never overwrites work.
    public static async Task<int> RestoreAsync(DatabaseTarget target, string file, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
            return await FailAsync(stderr, $"{file}: no such file");
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            if (File.Exists(target.SqliteFile) && new FileInfo(target.SqliteFile).Length > 0 && await HasTablesAsync(target))
                return await FailAsync(stderr, $"{target.SqliteFile}: the database is not empty; restore into a new data folder (FinanceBuilder:DataDirectory)");
            Directory.CreateDirectory(Path.GetDirectoryName(target.SqliteFile)!);
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var destination = new SqliteConnection(target.ConnectionString))
            {
                await source.OpenAsync();
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }
            SqliteConnection.ClearAllPools();
            await stdout.WriteLineAsync($"{file}\trestored into {target.SqliteFile}");
            return 0;
        }
        if (await HasTablesAsync(target))
            return await FailAsync(stderr, "the PostgreSQL database is not empty; create a new database and restore into it");
        var (exit, error) = await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", file], target.ConnectionString);
        if (exit != 0)
            return await FailAsync(stderr, $"pg_restore: {error.Trim()}");
        await stdout.WriteLineAsync($"{file}\trestored into PostgreSQL database {new NpgsqlConnectionStringBuilder(target.ConnectionString).Database}");
        return 0;
    }

    private static async Task<bool> HasTablesAsync(DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(target.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        await using var pg = new NpgsqlConnection(target.ConnectionString);
        await pg.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", pg);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    /// Runs a PostgreSQL client tool with the connection's host, port, user and database as
    /// options and its password as PGPASSWORD.
    private static async Task<(int Exit, string Error)> RunAsync(string tool, string[] arguments, string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--host=" + (cs.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(cs.Username))
            start.ArgumentList.Add("--username=" + cs.Username);
        start.ArgumentList.Add("--dbname=" + (cs.Database ?? "postgres"));
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(cs.Password))
            start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start) ?? throw new IOException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }

    /// On PATH, else the newest of Debian's /usr/lib/postgresql/*/bin.
    private static string FindTool(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, tool)))
                return Path.Combine(folder, tool);
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return debian ?? throw new IOException($"{tool} not found: install the PostgreSQL client (apt-get install postgresql-client)");
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message)
    {
        // One line beginning "error: ", the exit status of bad input, as every command (docs/cli.md).
        await stderr.WriteLineAsync($"error: {message.ReplaceLineEndings(" ")}");
        return ExitCodes.BadInput;
    }
}
