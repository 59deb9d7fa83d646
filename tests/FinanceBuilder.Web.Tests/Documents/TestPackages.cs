using System.Globalization;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Tests.Documents;

/// One package builder over the repository's templates, without a web server, for tests that
/// look inside many packages.
internal static class TestPackages
{
    public static readonly TimeProvider FixedClock = new FixedTime(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    private static readonly Lazy<PackageBuilder> Shared = new(() =>
    {
        var templates = Path.GetDirectoryName(PackTestKit.PackFolder("gcf-concept-note"))!;
        var settings = Options.Create(new FinanceBuilderOptions { TemplatesDirectory = templates });
        return new PackageBuilder(new TemplatePacks(settings, NullLogger<TemplatePacks>.Instance), new ProposalReader(),
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
