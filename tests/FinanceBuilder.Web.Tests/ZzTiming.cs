using Xunit.Abstractions;
using System.Diagnostics;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
namespace FinanceBuilder.Web.Tests;
public class ZzTiming(ITestOutputHelper output)
{
    [Fact]
    public void Startup()
    {
        using var first = new AppFactory();
        _ = first.Services;
        var opts = first.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FinanceBuilder.Web.Configuration.FinanceBuilderOptions>>();
        var log = first.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FinanceBuilder.Web.Features.Documents.TemplatePacks>>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            _ = new FinanceBuilder.Web.Features.Documents.TemplatePacks(opts, log);
            output.WriteLine($"packs {sw.ElapsedMilliseconds}");
        }
    }
}
