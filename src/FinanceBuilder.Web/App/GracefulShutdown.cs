using FinanceBuilder.Web.Configuration;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.App;

/// A node told to stop (SIGTERM, a rolling restart) first says it is no longer ready
/// (/health/ready answers 503) and keeps serving for Shutdown:DrainSeconds, so that the proxy's
/// health check takes it out of rotation before it stops listening; then the server stops
/// accepting connections and lets the requests in progress finish (up to
/// Shutdown:TimeoutSeconds). IHostedLifecycleService.StoppingAsync runs before the web server's
/// own StopAsync, which is what makes the first step possible.
public sealed class GracefulShutdown(IOptions<FinanceBuilderOptions> settings, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    private volatile bool draining;

    public bool Draining => draining;

    /// Once the readiness check saw every migration applied, it stays so for the life of the
    /// process: the question costs a query on the migrations table, the answer cannot go back.
    public bool Migrated { get; set; }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        var delay = settings.Value.Shutdown.DrainSeconds;
        if (delay <= 0)
            return;
        logger.LogInformation("Stopping: not ready any more; serving for {Seconds} s while the proxy takes this node out", delay);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(delay), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
