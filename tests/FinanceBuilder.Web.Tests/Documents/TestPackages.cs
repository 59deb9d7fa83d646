using System.Globalization;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinanceBuilder.Web.Tests.Documents;

/// One package builder over the repository's templates, without a web server, for tests that
/// look inside many packages.
internal static class TestPackages
{
    public static readonly TimeProvider FixedClock = new FixedTime(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    private static readonly Lazy<PackageBuilder> Shared = new(() =>
    {
        var templates = Path.GetDirectoryName(PackTestKit.PackFolder("gcf-concept-note"))!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FinanceBuilder:TemplatesDirectory"] = templates }).Build();
        return new PackageBuilder(new TemplatePacks(configuration, NullLogger<TemplatePacks>.Instance), new ProposalReader(),
            new ProposalValidation(new RuleCatalogue(RuleSettings.Default)), FixedClock, NullLogger<PackageBuilder>.Instance);
    });

    public static async Task<GeneratedPackage> BuildAsync(string json, string pack, string lang)
    {
        var (package, problem) = await Shared.Value.BuildAsync(json, pack, lang, CultureInfo.InvariantCulture, CancellationToken.None);
        Assert.True(package is not null, problem?.Message);
        return package;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
