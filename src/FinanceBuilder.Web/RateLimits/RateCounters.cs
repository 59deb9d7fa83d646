using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FinanceBuilder.Web.RateLimits;

/// Counts in the database, shared by every node (issue 19): one atomic upsert per counted event
/// ("INSERT … ON CONFLICT DO UPDATE … RETURNING", the same statement on SQLite and PostgreSQL),
/// so two nodes counting the same address at the same moment never lose a count. Keys are
/// hashed: the table holds no address. Windows older than a day are deleted as counting goes.
public static class RateCounters
{
    /// Adds <paramref name="cost"/> to the key's current window; returns the window's new total and
    /// the time left in it.
    public static async Task<(int Total, TimeSpan Left)> AddAsync(FinanceBuilderDbContext db, string key, TimeSpan window, DateTimeOffset now, int cost, CancellationToken ct)
    {
        var (start, left) = WindowOf(window, now);
        var total = await ScalarAsync(db, """
            INSERT INTO rate_counters ("Key", "Window", "Count") VALUES (@key, @window, @cost)
            ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = rate_counters."Count" + @cost
            RETURNING "Count"
            """, Hash(key), start, cost, ct);
        if (Random.Shared.Next(200) == 0)
            await db.Set<RateCounter>().Where(c => c.Window < now.ToUnixTimeSeconds() - 86_400).ExecuteDeleteAsync(ct);
        return (total, left);
    }

    /// A sliding count, without counting: the key's total over the last <paramref name="span"/>,
    /// added with <paramref name="bucket"/> windows, and the time until the oldest of them leaves
    /// the span (when the total would drop).
    public static async Task<(int Total, TimeSpan UntilOldestLeaves)> SumAsync(FinanceBuilderDbContext db, string key, TimeSpan bucket, TimeSpan span, DateTimeOffset now, CancellationToken ct)
    {
        var hash = Hash(key);
        var (current, _) = WindowOf(bucket, now);
        var since = current - (long)span.TotalSeconds + (long)bucket.TotalSeconds;
        var rows = await db.Set<RateCounter>().AsNoTracking().Where(c => c.Key == hash && c.Window >= since).Select(c => new { c.Window, c.Count }).ToListAsync(ct);
        if (rows.Count == 0)
            return (0, TimeSpan.Zero);
        var oldest = rows.Min(r => r.Window);
        return (rows.Sum(r => r.Count), TimeSpan.FromSeconds(Math.Max(1, oldest + (long)span.TotalSeconds - now.ToUnixTimeSeconds())));
    }

    private static (long Start, TimeSpan Left) WindowOf(TimeSpan window, DateTimeOffset now)
    {
        var seconds = (long)window.TotalSeconds;
        var unix = now.ToUnixTimeSeconds();
        var start = unix - unix % seconds;
        return (start, TimeSpan.FromSeconds(start + seconds - unix));
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static async Task<int> ScalarAsync(FinanceBuilderDbContext db, string sql, string key, long window, int cost, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "key", key);
            Add(command, "window", window);
            Add(command, "cost", cost);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
