using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The DCAT-AP 3.0.1 description: the mandatory properties of each class (catalogue: title,
/// description, one publisher; dataset: title, description; distribution: access URL; data
/// service: title, endpoint URL; agent: name), every node a shape checks by class typed, an
/// inline context, and each publisher's dataset pointing at a file of its own actions.
public sealed class DcatCatalogueTests : IClassFixture<CatalogueApp>, IDisposable
{
    private readonly AppFactory app;
    private readonly HttpClient reader;

    public DcatCatalogueTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task TheCatalogue_HasEveryMandatoryProperty_AndTypedNodes_AndADatasetPerPublisher()
    {
        var cotonou = Guid.NewGuid();
        var tamale = Guid.NewGuid();
        var a = app.PublishDirectly(new CatalogueAction { Title = "Action of Cotonou", Summary = "x", CountryCode = "BJ" }, "Commune de Cotonou", cotonou);
        app.PublishDirectly(new CatalogueAction { Title = "Action of Tamale", Summary = "x", CountryCode = "GH" }, "Tamale Metropolitan Assembly", tamale);

        var response = await reader.GetAsync("/open-data/catalogue.jsonld");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.IsType<JsonObject>(document["@context"], exactMatch: false);
        var nodes = Flatten(document["@graph"]!.AsArray()).ToList();
        var byId = nodes.GroupBy(n => (string)n["@id"]!).ToDictionary(g => g.Key, g => g.First());
        string? Type(JsonNode reference) => byId.TryGetValue((string)reference["@id"]!, out var node) ? (string?)node["@type"] : (string?)reference["@type"];

        var catalogue = Assert.Single(nodes, n => (string?)n["@type"] == "dcat:Catalog");
        Assert.NotEmpty(catalogue["dct:title"]!.AsArray());
        Assert.NotEmpty(catalogue["dct:description"]!.AsArray());
        Assert.IsType<JsonObject>(catalogue["dct:publisher"], exactMatch: false);
        foreach (var dataset in nodes.Where(n => (string?)n["@type"] == "dcat:Dataset"))
        {
            Assert.NotEmpty(dataset["dct:title"]!.AsArray());
            Assert.NotEmpty(dataset["dct:description"]!.AsArray());
            Assert.Equal("foaf:Agent", Type(dataset["dct:publisher"]!));
        }
        foreach (var distribution in nodes.Where(n => (string?)n["@type"] == "dcat:Distribution"))
        {
            Assert.NotNull(distribution["dcat:accessURL"]);
            Assert.Equal("dct:MediaTypeOrExtent", Type(distribution["dct:format"]!));
            Assert.Equal("dct:MediaType", Type(distribution["dcat:mediaType"]!));
            Assert.Equal("dct:Standard", Type(distribution["dct:conformsTo"]!));
            Assert.Equal("dct:LicenseDocument", Type(distribution["dct:license"]!));
        }
        var service = Assert.Single(nodes, n => (string?)n["@type"] == "dcat:DataService");
        Assert.NotNull(service["dct:title"]);
        Assert.NotNull(service["dcat:endpointURL"]);
        Assert.All(nodes.Where(n => (string?)n["@type"] == "foaf:Agent"), agent => Assert.NotEmpty(agent["foaf:name"]!.AsArray()));

        // Cotonou's dataset: in Benin (EU country code BEN), its IATI file holds its action only.
        var own = nodes.Single(n => (string?)n["@type"] == "dcat:Dataset" && ((string)n["@id"]!).EndsWith(cotonou.ToString("N"), StringComparison.Ordinal));
        Assert.EndsWith("/country/BEN", (string)own["dct:spatial"]![0]!["@id"]!, StringComparison.Ordinal);
        var file = new Uri((string)own["dcat:distribution"]![0]!["dcat:downloadURL"]!["@id"]!);
        var iati = await reader.GetStringAsync(file.PathAndQuery);
        Assert.Empty(IatiSchema.Problems(iati));
        var activities = XDocument.Parse(iati).Root!.Elements("iati-activity").ToList();
        Assert.Equal(a.ToString("N"), Assert.Single(activities).Element("iati-identifier")!.Value[^32..]);
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray graph)
    {
        foreach (var node in graph.OfType<JsonObject>())
        {
            yield return node;
            foreach (var embedded in node["dcat:distribution"]?.AsArray().OfType<JsonObject>().Where(d => d["@type"] is not null) ?? [])
                yield return embedded;
        }
    }
}
