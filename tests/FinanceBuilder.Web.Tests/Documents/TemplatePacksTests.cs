using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Tests.Documents;

/// The packs' manifests say which type of application each writes; the app finds the pack of a
/// proposal's type from them, and refuses at start a pack that names a type that does not exist.
public sealed class TemplatePacksTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("fb-packs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private TemplatePacks Load() => new(
        Options.Create(new FinanceBuilderOptions { TemplatesDirectory = folder }),
        NullLogger<TemplatePacks>.Instance);

    private void Copy(string pack, string? route = null)
    {
        var source = PackTestKit.PackFolder(pack);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, pack, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        if (route is not null)
        {
            var manifest = Path.Combine(folder, pack, "manifest.json");
            File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "\"route\": \"[a-zA-Z]+\"", $"\"route\": \"{route}\""));
        }
    }

    [Fact]
    public void ThePackOfAType_ComesFromTheManifests()
    {
        foreach (var pack in new[] { "gcf-funding-proposal", "gcf-concept-note", "gcf-sap" })
            Copy(pack);

        var packs = Load();

        Assert.Equal("gcf-sap", packs.PackFor(Route.Sap));
        Assert.Equal("gcf-concept-note", packs.PackFor(Route.ConceptNote));
        Assert.Equal("gcf-funding-proposal", packs.PackFor(null));
        Assert.Equal("gcf-concept-note", packs.PackFor(Route.Readiness)); // no pack writes readiness: the first pack
        Assert.Equal(Route.Sap, TemplatePacks.RouteOf(packs.Packs["gcf-sap"]));
    }

    [Fact]
    public void APackNamingAnUnknownType_IsNotOffered()
    {
        Copy("gcf-concept-note", route: "grantApplication");
        Copy("gcf-sap");

        var packs = Load();

        Assert.Equal(["gcf-sap"], packs.Packs.Keys);
    }
}
