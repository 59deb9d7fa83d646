using Microsoft.Data.Sqlite;

namespace FinanceBuilder.Web.Data;

/// SQLite chooses its indexes from statistics it only has once ANALYZE ran. Without them the
/// catalogue's "by title, with a hazard" search sorted 20,000 rows instead of reading the title
/// index in order (110 → 9 ms over 100,000 actions). PRAGMA optimize analyses the tables that were
/// never analysed or have grown 25-fold since: at start (every table) and then once an hour, as
/// SQLite advises for long-lived connections. Without a row limit: a sample of 1,000 rows sees
/// only one value of WithdrawnAt (every action is public) and counts 1,001 rows for it, and the
/// same search went back to sorting (9 → 77 ms); a whole ANALYZE of 100,000 actions takes half a
/// second and, by the 25-fold rule, happens again only at 2,500,000.
public sealed class SqliteStatistics(DatabaseTarget target, ILogger<SqliteStatistics> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public static void Refresh(string connectionString, bool startup)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // 0x10002: look at every table, as on a connection's first use (SQLite's own advice).
        command.CommandText = "PRAGMA analysis_limit=0; PRAGMA optimize" + (startup ? "=0x10002;" : ";");
        command.ExecuteNonQuery();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (target.Provider != DatabaseProvider.Sqlite)
            return;
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Refresh(target.ConnectionString, startup: false);
                }
                catch (SqliteException e)
                {
                    // Busy or locked for longer than the timeout: the next hour will do.
                    log.LogWarning(e, "PRAGMA optimize did not run");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host stops, perhaps before it started (a port in use): nothing to report.
        }
    }
}
