using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using static FinanceBuilder.Web.Tests.Api.ProposalApiTests;

namespace FinanceBuilder.Web.Tests.Security;

/// Issue 19: a database another process holds locked answers 503 with Retry-After once the lock
/// wait (here 300 ms) has passed — not a 500 after 5 s — in the reader's language, and nothing
/// saved before is lost; the same request succeeds once the lock is gone. SQLite: another
/// connection holds the write lock; PostgreSQL: another transaction holds the proposal's row.
public sealed class DatabaseBusyTests : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:Database:LockWaitMilliseconds"] = "300" });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task ALockedDatabase_Answers503WithRetryAfter_Quickly_ThenTheSameSaveSucceeds()
    {
        using var client = app.CreateApiClient("fr");
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1,"basics":{"title":"Avant le verrou"}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(location.Split('/')[^1]);

        HttpResponseMessage busy;
        var clock = Stopwatch.StartNew();
        await using (await HoldLockAsync(id))
        {
            clock.Restart();
            busy = await client.SendAsync(Put(location, "Pendant le verrou"));
            clock.Stop();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter!.Delta);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered after {clock.Elapsed.TotalSeconds:N1} s");
        using (var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()))
            Assert.StartsWith("FinanceBuilder est occupé", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        using (var db = app.OpenDb())
            Assert.Equal("Avant le verrou", (await db.Proposals.FindAsync(id))!.Title);

        var again = await client.SendAsync(Put(location, "Après le verrou"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// A page (a form posted without script) gets a short page in the reader's language.
    [Fact]
    public async Task APage_GetsABusyPage_InTheReadersLanguage()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = "/proposals/x/steps/basics";
        context.Request.Headers.Accept = "text/html";
        context.Features.Set<Microsoft.AspNetCore.Localization.IRequestCultureFeature>(
            new Microsoft.AspNetCore.Localization.RequestCultureFeature(new Microsoft.AspNetCore.Localization.RequestCulture("fr"), null));
        context.Response.Body = new MemoryStream();
        var handler = new FinanceBuilder.Web.App.DatabaseBusy(Microsoft.Extensions.Logging.Abstractions.NullLogger<FinanceBuilder.Web.App.DatabaseBusy>.Instance);

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("save", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)), default);
        var other = await handler.TryHandleAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), new Microsoft.Data.Sqlite.SqliteException("constraint", 19), default);

        Assert.True(handled);
        Assert.False(other);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var html = WebUtility.HtmlDecode(await new StreamReader(context.Response.Body).ReadToEndAsync());
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Rien de ce qui était déjà enregistré n’est perdu", html, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Put(string location, string title)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonBody($$$"""{"schemaVersion":1,"basics":{"title":"{{{title}}}"}}""") };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        return put;
    }

    /// Another process's transaction holding what the save needs, until disposed.
    private async Task<IAsyncDisposable> HoldLockAsync(Guid proposal)
    {
        if (TestDatabase.IsPostgres)
        {
            var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using (var command = new Npgsql.NpgsqlCommand("SELECT 1 FROM proposals WHERE \"Id\" = @id FOR UPDATE", connection, transaction))
            {
                command.Parameters.AddWithValue("id", proposal);
                await command.ExecuteNonQueryAsync();
            }
            return new Held(async () => { await transaction.RollbackAsync(); await connection.DisposeAsync(); });
        }
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.Database.DataDirectory, "financebuilder.db")};Pooling=False");
        await sqlite.OpenAsync();
        await using (var command = sqlite.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
        }
        return new Held(async () =>
        {
            await using (var rollback = sqlite.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }
            await sqlite.DisposeAsync();
        });
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
