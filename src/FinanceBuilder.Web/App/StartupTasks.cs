using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Demo;

namespace FinanceBuilder.Web.App;

/// Runs before the server accepts requests (IHostedLifecycleService.StartingAsync runs ahead of
/// every StartAsync, the web server's included): migrate, check WAL, load the demo once.
public sealed class StartupTasks(IServiceProvider services, Microsoft.Extensions.Options.IOptions<FinanceBuilderOptions> settings, ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await DatabaseStartup.MigrateAsync(services, cancellationToken);
        await RepairSearchIndexAsync(cancellationToken);
        // Packs are checked at start: a broken one is reported now, not at a user's download.
        _ = services.GetRequiredService<Features.Documents.TemplatePacks>();
        logger.LogInformation("FinanceBuilder stores its data in {Database}", services.GetRequiredService<DatabaseTarget>().Description);
        if (settings.Value.LoadDemoWorkspace)
            await DemoWorkspace.LoadOnceAsync(services, Path.Combine(AppContext.BaseDirectory, "samples"), logger, cancellationToken);
    }

    private async Task RepairSearchIndexAsync(CancellationToken cancellationToken)
    {
        await using var scope = SystemScope.Create(services, out var db);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (await Features.Catalogue.CatalogueIndex.RepairAsync(db, cancellationToken) is { } indexed)
            logger.LogWarning("The catalogue's search index did not match the published actions (an upgrade, or a vacuumed or copied database file); rebuilt for {Count} actions in {Elapsed:N1} s",
                indexed, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    /// Once the server listens, its address is known for the first administrator's link.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // The map's world (half a second to read) is read now, beside the first requests, not
        // during the first check of a proposal with coordinates or its first map.
        _ = Task.Run(() => Geography.WorldAtlas.Instance, CancellationToken.None);
        return Features.Accounts.FirstAdministrator.PrintLinkIfNeededAsync(services, logger, services.GetRequiredService<Features.Accounts.OperatorConsole>(), cancellationToken);
    }
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
