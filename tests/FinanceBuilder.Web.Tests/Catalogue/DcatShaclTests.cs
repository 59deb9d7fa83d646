using System.Diagnostics;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The DCAT-AP description validated against the profile's own SHACL shapes (DCAT-AP 3.0.1:
/// mandatory properties, cardinalities, the class of what each property points to), offline, by
/// rdf-validate-shacl (tests/tools/shacl, installed by test.sh). Recommended properties are
/// warnings: counted, not failed.
public sealed class DcatShaclTests : IClassFixture<CatalogueApp>, IDisposable
{
    private static readonly string Shapes = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Standards", "dcat-ap-3.0.1");
    private readonly AppFactory app;
    private readonly HttpClient reader;

    public DcatShaclTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task TheCatalogue_HasNoViolationOfTheDcatApShapes_AndOneDatasetPerPublisher()
    {
        var cotonou = Guid.NewGuid();
        app.PublishDirectly(new CatalogueAction { Title = "Drainage of Cotonou", Summary = "x", CountryCode = "BJ" }, "Commune de Cotonou", cotonou);
        // The organisation renamed itself before its next publication: still one publisher.
        app.PublishDirectly(new CatalogueAction { Title = "Lighting of Cotonou", Summary = "x", CountryCode = "BJ" }, "Ville de Cotonou", cotonou);
        app.PublishDirectly(new CatalogueAction { Title = "Markets of Tamale", Summary = "x", CountryCode = "GH" }, "Tamale Metropolitan Assembly", Guid.NewGuid());
        var catalogue = JsonNode.Parse(await reader.GetStringAsync("/open-data/catalogue.jsonld"))!;

        var report = Validate(catalogue);

        var violations = report["results"]!.AsArray().Where(r => (string?)r!["severity"] == "Violation").ToList();
        Assert.True(violations.Count == 0, "DCAT-AP violations:\n" + string.Join("\n", violations.Select(v => v!.ToJsonString())));
        Assert.True((int)report["triples"]! > 100);
        var datasets = catalogue["@graph"]!.AsArray().Where(n => ((string?)n!["@id"])?.EndsWith("/open-data/datasets/" + cotonou.ToString("N"), StringComparison.Ordinal) == true).ToList();
        var dataset = Assert.Single(datasets);
        Assert.Contains("Ville de Cotonou", dataset!["dct:title"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// The check fails a description that breaks the shapes: a catalogue without its title, a
    /// dataset with two modification dates, a language given as a bare address.
    [Fact]
    public async Task ABrokenCatalogue_IsReportedWithEachViolation()
    {
        app.PublishDirectly(new CatalogueAction { Title = "Drainage of Cotonou", Summary = "x", CountryCode = "BJ" }, "Commune de Cotonou", Guid.NewGuid());
        var catalogue = JsonNode.Parse(await reader.GetStringAsync("/open-data/catalogue.jsonld"))!;
        var graph = catalogue["@graph"]!.AsArray();
        var root = graph.Single(n => (string?)n!["@type"] == "dcat:Catalog")!.AsObject();
        root.Remove("dct:title");
        root["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/SPA" };
        var dataset = graph.First(n => (string?)n!["@type"] == "dcat:Dataset")!.AsObject();
        dataset["dct:modified"] = new JsonArray(
            new JsonObject { ["@value"] = "2026-01-01", ["@type"] = "xsd:date" }, new JsonObject { ["@value"] = "2026-02-01", ["@type"] = "xsd:date" });

        var violations = Validate(catalogue)["results"]!.AsArray().Where(r => (string?)r!["severity"] == "Violation").Select(r => (string)r!["path"]!).ToList();

        Assert.Contains("http://purl.org/dc/terms/title", violations);
        Assert.Contains("http://purl.org/dc/terms/language", violations);
        Assert.Contains("http://purl.org/dc/terms/modified", violations);
    }

    private static JsonNode Validate(JsonNode catalogue)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("fb-dcat-").FullName, "catalogue.jsonld");
        File.WriteAllText(file, catalogue.ToJsonString());
        var tool = Tool();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(tool)! };
        foreach (var argument in new[] { tool, file, "shapes.ttl", "range.ttl", "shapes_recommended.ttl" }.Select((a, i) => i < 2 ? a : Path.Combine(Shapes, a)))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the SHACL check did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"the SHACL check failed ({process.ExitCode}): {errors.Result}");
        return JsonNode.Parse(output.Result)!;
    }

    /// tests/tools/shacl/validate.mjs, with its packages installed (test.sh runs npm ci).
    private static string Tool()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "tools", "shacl");
            if (File.Exists(Path.Combine(folder, "validate.mjs")))
            {
                Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")), $"{folder}: run ./test.sh, or npm ci there, to install the SHACL check's packages");
                return Path.Combine(folder, "validate.mjs");
            }
        }
        throw new DirectoryNotFoundException("tests/tools/shacl");
    }
}
