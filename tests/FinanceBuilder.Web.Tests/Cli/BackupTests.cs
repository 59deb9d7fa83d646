using System.Net;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Cli;

/// Issue 19: `backup` takes a consistent copy of the running app's database (SQLite's online
/// backup API, or pg_dump), `restore` puts it into a fresh, empty database, and an app started on
/// that one has the same proposals, versions and accounts — people sign in with their passwords.
/// A restore never writes over a database that holds data.
public sealed class BackupTests : IDisposable
{
    private readonly AppFactory source = new();
    private readonly TestDatabase fresh = new(empty: true);
    private readonly string folder = Directory.CreateTempSubdirectory("fb-backup-").FullName;

    public void Dispose()
    {
        source.Dispose();
        fresh.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, .. database.CommandLineOptions], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ABackupOfTheRunningApp_RestoredIntoAFreshDatabase_HasEverything()
    {
        using var editor = source.CreateApiClient();
        var id = await editor.SeedProposalAsync();
        Guid[] before;
        using (var db = source.OpenDb())
            before = await db.Proposals.Select(p => p.Id).OrderBy(p => p).ToArrayAsync();

        // Taken while the app runs (and has connections open).
        var file = Path.Combine(folder, "financebuilder.backup");
        var backup = await RunAsync(source.Database, "backup", file);
        Assert.True(backup.Exit == 0, backup.Error);
        Assert.True(new FileInfo(file).Length > 0);
        Assert.Equal(3, (await RunAsync(source.Database, "backup", file)).Exit);

        var restore = await RunAsync(fresh, "restore", file);
        Assert.True(restore.Exit == 0, restore.Error);
        // A second restore into the now full database is refused, and changes nothing.
        var again = await RunAsync(fresh, "restore", file);
        Assert.Equal(3, again.Exit);
        Assert.Contains("not empty", again.Error, StringComparison.Ordinal);

        using var restored = new AppFactory(settings: fresh.Settings);
        using (var db = restored.OpenDb())
        {
            Assert.Equal(before, await db.Proposals.Select(p => p.Id).OrderBy(p => p).ToArrayAsync());
            Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", (await db.Proposals.SingleAsync(p => p.Id == id)).Title);
        }
        using var signedIn = await restored.SignedInClientAsync(TestAccounts.DefaultEditor);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/proposals/{id}")).StatusCode);
    }
}
