using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FinanceBuilder.Web.Tests.Security;

/// Issue 19: liveness (the process answers) and readiness (it may be given requests: database
/// reachable, migrations applied, not stopping) are separate; a node told to stop answers "not
/// ready" at once and keeps serving for Shutdown:DrainSeconds, so the proxy can take it out
/// before it stops listening.
public sealed class HealthAndShutdownTests : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:Shutdown:DrainSeconds"] = "3" });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task LivenessAndReadiness_Answer_AndAStoppingNodeIsNotReadyButStillServes()
    {
        using var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var stopping = Task.Run(() => app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
        await stopping;
        var ready = await EventuallyAsync(async () => await client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task ADatabaseMissingAMigration_IsNotReady_ButAlive()
    {
        using var client = app.CreateClient();
        // A fresh process of a newer build sees the database without the newest migration.
        using (var db = app.OpenDb())
        {
            var history = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrations(db.Database).Last();
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database,
                $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {history}");
        }

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task ADatabaseThatStopsAnswering_MakesTheNodeNotReady_ButAlive()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        app.Database.MakeUnreachable();
        var ready = await EventuallyAsync(async () => await client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> call, Func<HttpResponseMessage, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var response = await call();
            if (done(response) || i == 40)
                return response;
            await Task.Delay(25);
        }
    }
}
