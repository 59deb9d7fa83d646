using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinanceBuilder.Web.Tests.Api.ProposalApiTests;

namespace FinanceBuilder.Web.Tests.Api;

/// Optimistic concurrency (design D10, reliability-tests T38): a save carrying an old version
/// never overwrites; exactly one of two saves from the same version wins.
public sealed class ConcurrencyTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly HttpClient client;

    public ConcurrencyTests() => client = app.CreateApiClient();

    public void Dispose() => app.Dispose();

    private async Task<Uri> CreateAsync(string title)
    {
        var created = await client.PostAsync("/api/proposals", JsonBody($$$"""{"schemaVersion":1,"basics":{"title":"{{{title}}}"}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!;
    }

    private Task<HttpResponseMessage> PutAsync(Uri location, string title, string? ifMatch, HttpClient? using_ = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonBody($$$"""{"schemaVersion":1,"basics":{"title":"{{{title}}}"}}""") };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return (using_ ?? client).SendAsync(request);
    }

    [Fact]
    public async Task Put_WithCurrentVersion_SavesAndBumpsTheETag()
    {
        var location = await CreateAsync("v1");

        var response = await PutAsync(location, "v2", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        Assert.Contains("\"title\": \"v2\"", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithStaleIfMatch_Answers412_AndKeepsTheNewerSave()
    {
        var location = await CreateAsync("original");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(location, "saved by A", "\"1\"")).StatusCode);

        var stale = await PutAsync(location, "saved by B from version 1", "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, problem.RootElement.GetProperty("currentVersion").GetInt32());
        Assert.Contains("\"title\": \"saved by A\"", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Answers428_AndChangesNothing()
    {
        var location = await CreateAsync("original");

        var response = await PutAsync(location, "blind write", null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Contains("\"title\": \"original\"", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithAWeakETag_NeverMatches()
    {
        var location = await CreateAsync("original");

        var response = await PutAsync(location, "weak", "W/\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("\"title\": \"original\"", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithMalformedIfMatch_Answers400()
    {
        var location = await CreateAsync("original");

        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(location, "x", "*")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(location, "x", "not-an-etag")).StatusCode);
    }

    [Fact]
    public async Task TwoSavesFromTheSameVersion_ExactlyOneWins_TheOtherGetsTheConflict()
    {
        for (var round = 0; round < 10; round++)
        {
            var location = await CreateAsync($"round {round}");
            using var clientA = app.CreateApiClient();
            using var clientB = app.CreateApiClient();

            var results = await Task.WhenAll(
                PutAsync(location, $"A{round}", "\"1\"", clientA),
                PutAsync(location, $"B{round}", "\"1\"", clientB));

            var statuses = results.Select(r => r.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            var winner = results[0].StatusCode == HttpStatusCode.OK ? $"A{round}" : $"B{round}";
            var stored = await client.GetAsync(location);
            Assert.Equal("\"2\"", stored.Headers.ETag!.Tag);
            Assert.Contains($"\"title\": \"{winner}\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// The database itself refuses a stale write, even when both writers passed the version
    /// check before either saved (the race the handler's early check cannot see).
    [Fact]
    public async Task DatabaseRefusesAWriteBasedOnAnOldVersion()
    {
        var location = await CreateAsync("raced");
        var id = Guid.Parse(location.OriginalString.Split('/')[^1]);
        using var scopeA = app.Services.CreateScope();
        using var scopeB = app.Services.CreateScope();
        scopeA.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        scopeB.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        var dbA = scopeA.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        var rowA = await dbA.Proposals.SingleAsync(p => p.Id == id);
        var rowB = await dbB.Proposals.SingleAsync(p => p.Id == id);

        rowB.Title = "B";
        rowB.Version++;
        await dbB.SaveChangesAsync();
        rowA.Title = "A";
        rowA.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbA.SaveChangesAsync());
        using var check = app.OpenDb();
        var stored = await check.Proposals.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(("B", 2), (stored.Title, stored.Version));
    }

    /// A save that passed the handler's version check and then loses the race in the database
    /// still answers "conflict" with the current version — never an error, never an overwrite.
    [Fact]
    public async Task Update_LosingTheRaceInTheDatabase_IsReportedAsAConflict()
    {
        var location = await CreateAsync("raced");
        var id = Guid.Parse(location.OriginalString.Split('/')[^1]);
        using var scope = app.Services.CreateScope();
        var target = scope.ServiceProvider.GetRequiredService<DatabaseTarget>();
        var racer = new SaveChangesRacer(target, id);
        using var db = RacerContext.Create(target, racer);
        var handler = new FinanceBuilder.Web.Features.Proposals.UpdateProposal.Handler(db, new FinanceBuilder.Web.Proposals.Json.ProposalReader(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Rules.ProposalValidation>());

        var result = await handler.Handle(new(id, 1, """{"schemaVersion":1,"basics":{"title":"late"}}"""u8.ToArray(), System.Globalization.CultureInfo.InvariantCulture), default);

        Assert.True(racer.Fired);
        Assert.Equal(FinanceBuilder.Web.Features.Proposals.UpdateProposal.Outcome.Conflict, result.Outcome);
        Assert.Equal(2, result.CurrentVersion);
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_Answers412_AndKeepsTheProposal()
    {
        var location = await CreateAsync("keep me");
        await PutAsync(location, "keep me too", "\"1\"");

        using var request = new HttpRequestMessage(HttpMethod.Delete, location);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location)).StatusCode);
    }
}

/// Just before a handler's save reaches the database, another writer saves version 2.
internal sealed class SaveChangesRacer(DatabaseTarget target, Guid id) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    public bool Fired { get; private set; }

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Fired)
        {
            Fired = true;
            using var other = RacerContext.Create(target, null);
            await other.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(r => r.Version, 2).SetProperty(r => r.Title, "other writer"), cancellationToken);
        }
        return result;
    }
}

internal static class RacerContext
{
    public static FinanceBuilderDbContext Create(DatabaseTarget target, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor)
    {
        var organisation = new AccessScope();
        organisation.ActForOrganisation(AccessScope.WorkspaceOrganisationId);
        if (target.Provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresFinanceBuilderDbContext>().UseNpgsql(target.ConnectionString);
            if (interceptor is not null)
                options.AddInterceptors(interceptor);
            return new PostgresFinanceBuilderDbContext(options.Options, organisation);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteFinanceBuilderDbContext>().UseSqlite(target.ConnectionString);
        if (interceptor is not null)
            sqlite.AddInterceptors(interceptor);
        return new SqliteFinanceBuilderDbContext(sqlite.Options, organisation);
    }
}
