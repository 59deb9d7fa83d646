using System.Net;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Tests.Configuration;

/// FinanceBuilderOptions is checked at start: a wrong value stops the app (and the command line)
/// with a message naming its key, a good configuration starts and reaches the features.
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly string existingFolder = Directory.CreateTempSubdirectory("fb-config-").FullName;

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(existingFolder, recursive: true);
    }

    public static TheoryData<string, string> WrongValues => new()
    {
        { "FinanceBuilder:PublicUrl", "finance.example.org" },
        { "FinanceBuilder:PublicUrl", "ftp://finance.example.org" },
        { "FinanceBuilder:KnownProxies:0", "proxy.internal" },
        { "FinanceBuilder:TemplatesDirectory", "/no/such/folder/for/templates" },
        { "FinanceBuilder:Cookies:Secure", "sometimes" },
        { "FinanceBuilder:LoadDemoWorkspace", "maybe" },
        { "FinanceBuilder:Limits:MaxProposalBytes", "-5" },
        { "FinanceBuilder:Limits:MaxProposalBytes", "100000000000" },
        { "FinanceBuilder:Passwords:HashIterations", "ten" },
        { "FinanceBuilder:Sessions:IdleMinutes", "0" },
        { "FinanceBuilder:Sessions:AbsoluteHours", "0" },
        { "FinanceBuilder:SignIn:FailuresPerAddress", "0" },
        { "FinanceBuilder:SignIn:PostsPerMinute", "-1" },
        { "FinanceBuilder:SignIn:MinimumFailureMilliseconds", "-1" },
        { "FinanceBuilder:Email:PerAddressPer15Minutes", "0" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void Start_WithAWrongValue_FailsNamingTheKey(string key, string value)
    {
        using var host = app.With(new Dictionary<string, string> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var messages = Messages(failure);
        Assert.True(messages.Contains(key, StringComparison.Ordinal), $"the failure does not name {key}: {messages}");
    }

    [Fact]
    public async Task Start_WithGoodValues_StartsAndTheFeaturesSeeThem()
    {
        using var host = app.With(new Dictionary<string, string>
        {
            ["FinanceBuilder:PublicUrl"] = "https://finance.example.org/",
            ["FinanceBuilder:KnownProxies:0"] = "10.0.0.5",
            ["FinanceBuilder:KnownProxies:1"] = "::1",
            ["FinanceBuilder:Cookies:Secure"] = "true",
            ["FinanceBuilder:Limits:MaxProposalBytes"] = "2048",
            ["FinanceBuilder:TemplatesDirectory"] = existingFolder,
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var settings = host.Services.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value;
        Assert.Equal(["10.0.0.5", "::1"], settings.KnownProxies);
        Assert.Equal("https://finance.example.org", host.Services.GetRequiredService<Web.Features.Accounts.PublicLinks>().Base);
        Assert.Empty(host.Services.GetRequiredService<Web.Features.Documents.TemplatePacks>().Packs);
        Assert.Equal(2048, host.Services.GetRequiredService<Web.Features.Proposals.RequestBodyLimit>().MaxBytes);
    }

    [Theory]
    [InlineData("--FinanceBuilder:PublicUrl=finance.example.org", "FinanceBuilder:PublicUrl")]
    [InlineData("--FinanceBuilder:Cookies:Secure=sometimes", "FinanceBuilder:Cookies:Secure")]
    [InlineData("--FinanceBuilder:TemplatesDirectory=/no/such/folder/for/templates", "FinanceBuilder:TemplatesDirectory")]
    public async Task Command_WithAWrongValue_SaysSoOnOneLine(string option, string key)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["migrate", option, .. app.Database.CommandLineOptions], stdout, stderr);

        // A wrong setting is bad usage (exit 2), said in one line.
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: configuration: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
    }

    private static string Messages(Exception failure)
    {
        var all = new List<string>();
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            all.Add(e.Message);
            if (e is AggregateException aggregate)
                all.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
        }
        return string.Join(" | ", all);
    }
}
