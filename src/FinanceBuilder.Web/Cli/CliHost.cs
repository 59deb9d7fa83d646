using FinanceBuilder.Web.Cli.Commands;
using FinanceBuilder.Web.Data;

namespace FinanceBuilder.Web.Cli;

/// The app's services for one command, built when first needed (validating a file needs none)
/// and migrated when first needed (packaging a file needs no database).
public sealed class CliHost(CliSession session) : IAsyncDisposable
{
    private readonly Lazy<WebApplication> app = new(session.BuildHost);
    private readonly SemaphoreSlim migrating = new(1, 1);
    private bool migrated;

    public IServiceProvider Services => app.Value.Services;

    /// The database, migrated to this version (once per command).
    public async Task MigrateAsync()
    {
        await migrating.WaitAsync();
        try
        {
            if (!migrated)
                await DatabaseStartup.MigrateAsync(Services);
            migrated = true;
        }
        finally
        {
            migrating.Release();
        }
    }

    /// A scope acting for the account <paramref name="email"/>, as the browser would for that
    /// person: the same AccessScope, the same query filters.
    public async Task<AsyncServiceScope> ActingAsAsync(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            throw new CliException(ExitCodes.Usage, session.Text("Cli.NeedAs"));
        await MigrateAsync();
        var scope = Services.CreateAsyncScope();
        if (await CommandUser.ActAsAsync(scope.ServiceProvider, email) is { } refused)
        {
            await scope.DisposeAsync();
            throw new CliException(ExitCodes.BadInput, refused);
        }
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (app.IsValueCreated)
            await app.Value.DisposeAsync();
        migrating.Dispose();
    }
}
