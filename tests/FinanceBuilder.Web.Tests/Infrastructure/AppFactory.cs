using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// The real application in memory, on its own fresh database.
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly bool loadDemo;
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <param name="settings">Settings of this test's app ("FinanceBuilder:Annexes:MaxFileMegabytes").</param>
    public AppFactory(bool loadDemo = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.loadDemo = loadDemo;
        this.settings = settings ?? new Dictionary<string, string?>();
        database = new Lazy<TestDatabase>(() => new TestDatabase());
    }

    // Made when the app first starts (or a test asks for it): a test class whose tests do not
    // all use the app creates no database for those that do not (a PostgreSQL database each).
    private readonly Lazy<TestDatabase> database;

    public TestDatabase Database => database.Value;

    /// A client signed in as an editor of the workspace organisation (the one the demo
    /// proposals and TestAccounts.DefaultEditor belong to), over https so that the Secure
    /// `__Host-` cookies are kept.
    public HttpClient CreateApiClient(string? language = null)
    {
        EnsureDefaultEditor();
        return this.SignedInClientAsync(TestAccounts.DefaultEditor, language).GetAwaiter().GetResult();
    }

    private readonly Lock seeding = new();
    private bool editorCreated;

    private void EnsureDefaultEditor()
    {
        lock (seeding)
        {
            if (editorCreated)
                return;
            this.CreateUserAsync(TestAccounts.DefaultEditor, AccessScope.WorkspaceOrganisationId).GetAwaiter().GetResult();
            editorCreated = true;
        }
    }

    /// A DbContext on the app's database that sees every organisation, to look at what was
    /// (not) stored.
    public FinanceBuilderDbContext OpenDb()
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        return scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("FinanceBuilder:LoadDemoWorkspace", loadDemo ? "true" : "false");
        // Hundreds of sign-ins: a cheaper hash (FinanceBuilderApp explains the setting).
        builder.UseSetting("FinanceBuilder:Passwords:HashIterations", "1000");
        // Refusals are not padded to their production minimum (400 ms) except where a test times them.
        builder.UseSetting("FinanceBuilder:SignIn:MinimumFailureMilliseconds", "0");
        // Platform administrators must set up two-step sign-in before anything else; the tests of
        // other features sign them in with a password alone. TwoStepSignInTests keep the default.
        builder.UseSetting("FinanceBuilder:TwoFactor:RequiredForPlatformAdmins", "false");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && database.IsValueCreated)
            database.Value.Dispose();
    }
}
