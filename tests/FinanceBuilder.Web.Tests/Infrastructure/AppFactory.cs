using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// The real application in memory, on its own fresh database.
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly bool loadDemo;

    public AppFactory(bool loadDemo = false)
    {
        this.loadDemo = loadDemo;
        Database = new TestDatabase();
    }

    public TestDatabase Database { get; }

    public HttpClient CreateApiClient(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// A DbContext on the app's database, to look at what was (not) stored.
    public FinanceBuilderDbContext OpenDb()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("FinanceBuilder:LoadDemoWorkspace", loadDemo ? "true" : "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Database.Dispose();
    }
}
