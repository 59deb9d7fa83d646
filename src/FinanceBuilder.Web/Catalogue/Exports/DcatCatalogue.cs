using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinanceBuilder.Web.Catalogue.Exports;

/// The catalogue described for data portals as DCAT-AP 3.0.1 JSON-LD (docs/catalogue.md): one
/// dcat:Catalog for this installation; one dcat:Dataset for all actions, with the Data Package and
/// the IATI file as distributions, and one per publishing organisation with its own IATI file; the
/// read API as a dcat:DataService. The @context is inline (no network needed to read it), and every
/// node a shape checks by class says its @type (SHACL shapes do not infer types).
public static class DcatCatalogue
{
    public sealed record Publisher(Guid Id, string Name, int Actions, DateTime FirstPublished, DateTime Updated, IReadOnlyCollection<string> Countries);

    private const string Eu = "http://publications.europa.eu/resource/authority/";
    private const string Theme = Eu + "data-theme/ENVI";
    private const string LocalAuthority = "http://purl.org/adms/publishertype/LocalAuthority";

    public static string Write(string baseUrl, DateTime issued, DateTime modified, IReadOnlyList<Publisher> publishers)
    {
        var catalogue = baseUrl + "/open-data/catalogue.jsonld";
        var platform = baseUrl + "/#platform";
        var all = baseUrl + "/open-data/datasets/actions";
        var api = baseUrl + "/api/public/actions";
        var licence = Eu + "licence/CC_BY_4_0";
        var graph = new JsonArray
        {
            new JsonObject
            {
                ["@id"] = catalogue,
                ["@type"] = "dcat:Catalog",
                ["dct:title"] = Texts(("Local climate actions", "en"), ("Actions climat locales", "fr")),
                ["dct:description"] = Texts(("Climate actions published by local governments: ideas, studies, projects seeking funding and projects under way.", "en"),
                    ("Actions climat publiées par des collectivités : idées, études, projets en recherche de financement et projets en cours.", "fr")),
                ["dct:publisher"] = Ref(platform),
                ["foaf:homepage"] = Typed(baseUrl + "/actions", "foaf:Document"),
                ["dct:language"] = new JsonArray(Typed("eu-lang:ENG", "dct:LinguisticSystem"), Typed("eu-lang:FRA", "dct:LinguisticSystem")),
                ["dct:license"] = Ref(licence),
                ["dct:issued"] = Date(issued),
                ["dct:modified"] = Date(modified),
                ["dcat:themeTaxonomy"] = Typed(Eu + "data-theme", "skos:ConceptScheme"),
                ["dcat:dataset"] = new JsonArray([Ref(all), .. publishers.Select(p => (JsonNode)Ref(PublisherDataset(baseUrl, p.Id)))]),
                ["dcat:service"] = Ref(api),
            },
            new JsonObject
            {
                ["@id"] = platform,
                ["@type"] = "foaf:Agent",
                ["foaf:name"] = Texts(("FinanceBuilder catalogue of local climate actions", "en")),
            },
            Dataset(all, Texts(("Local climate actions: catalogue, funding, indicators", "en"), ("Actions climat locales : catalogue, financements, indicateurs", "fr")),
                Texts(("One record per published action, its funding sources and its expected results with their indicators.", "en")),
                platform, issued, modified, null,
            [
                Distribution(baseUrl + "/open-data/datapackage.json", baseUrl + "/open-data/datapackage.json", "Frictionless Data Package (datapackage.json and three CSV tables)", "JSON", "application/json", "https://datapackage.org/profiles/2.0/datapackage.json", licence),
                Distribution(baseUrl + "/open-data/iati.xml", baseUrl + "/open-data/iati.xml", "IATI 2.03 activity file", "XML", "application/xml", "http://iatistandard.org/203/schema/", licence),
                Distribution(baseUrl + "/open-data/projets-territoire.csv", baseUrl + "/open-data/projets-territoire.csv", "French local governments' actions (projets-territoire schema)", "CSV", "text/csv", "https://schema.data.gouv.fr/betagouv/projets-territoire/", licence),
            ]),
            new JsonObject
            {
                ["@id"] = api,
                ["@type"] = "dcat:DataService",
                ["dct:title"] = Texts(("Read API of the catalogue", "en")),
                ["dcat:endpointURL"] = Ref(api),
                ["dcat:endpointDescription"] = Ref(baseUrl + "/openapi/v1.json"),
                ["dcat:servesDataset"] = Ref(all),
                ["dct:publisher"] = Ref(platform),
                ["dcat:keyword"] = Texts(("climate", "en"), ("climat", "fr")),
                ["dcat:theme"] = Ref(Theme),
                ["dct:license"] = Ref(licence),
            },
            new JsonObject { ["@id"] = licence, ["@type"] = "dct:LicenseDocument" },
            // The few concepts of controlled vocabularies the file uses, with their labels, as
            // DCAT-AP asks of a file read without the vocabularies.
            new JsonObject { ["@id"] = Eu + "data-theme", ["@type"] = "skos:ConceptScheme", ["dct:title"] = Texts(("Data theme", "en")) },
            new JsonObject
            {
                ["@id"] = Theme, ["@type"] = "skos:Concept", ["skos:inScheme"] = Ref(Eu + "data-theme"),
                ["skos:prefLabel"] = Texts(("Environment", "en"), ("Environnement", "fr")),
            },
            new JsonObject
            {
                ["@id"] = LocalAuthority, ["@type"] = "skos:Concept", ["skos:inScheme"] = Ref("http://purl.org/adms/publishertype/1.0"),
                ["skos:prefLabel"] = Texts(("Local Authority", "en"), ("Autorité locale", "fr")),
            },
        };
        foreach (var publisher in publishers)
        {
            var agent = baseUrl + "/#publisher-" + publisher.Id.ToString("N");
            graph.Add(new JsonObject
            {
                ["@id"] = agent,
                ["@type"] = "foaf:Agent",
                ["foaf:name"] = Texts((publisher.Name, null)),
                ["dct:type"] = Ref(LocalAuthority),
            });
            var iati = baseUrl + "/open-data/iati.xml?publisher=" + publisher.Id.ToString("N");
            graph.Add(Dataset(PublisherDataset(baseUrl, publisher.Id),
                Texts(($"Climate actions of {publisher.Name}", "en"), ($"Actions climat de {publisher.Name}", "fr")),
                Texts(($"The {publisher.Actions.ToString(CultureInfo.InvariantCulture)} climate actions {publisher.Name} publishes in the catalogue.", "en")),
                agent, publisher.FirstPublished, publisher.Updated, publisher.Countries,
                [Distribution(iati + "#distribution", iati, "IATI 2.03 activity file", "XML", "application/xml", "http://iatistandard.org/203/schema/", licence)]));
        }
        var document = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["skos"] = "http://www.w3.org/2004/02/skos/core#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
                ["eu-lang"] = Eu + "language/",
            },
            ["@graph"] = graph,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public static string PublisherDataset(string baseUrl, Guid publisher) => baseUrl + "/open-data/datasets/" + publisher.ToString("N");

    private static JsonObject Dataset(string id, JsonArray title, JsonArray description, string publisher, DateTime issued, DateTime modified,
        IReadOnlyCollection<string>? countries, JsonObject[] distributions)
    {
        var dataset = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "dcat:Dataset",
            ["dct:title"] = title,
            ["dct:description"] = description,
            ["dct:publisher"] = Ref(publisher),
            ["dcat:keyword"] = Texts(("climate", "en"), ("adaptation", "en"), ("mitigation", "en"), ("climat", "fr")),
            ["dcat:theme"] = Ref(Theme),
            ["dct:issued"] = Date(issued),
            ["dct:modified"] = Date(modified),
            // The distributions are embedded: each is a node with its own @id and @type.
            ["dcat:distribution"] = new JsonArray(distributions.Select(d => (JsonNode)d).ToArray()),
        };
        if (countries is { Count: > 0 })
            dataset["dct:spatial"] = new JsonArray(countries.Order().Select(c => (JsonNode)Typed(Eu + "country/" + Alpha3(c), "dct:Location")).ToArray());
        return dataset;
    }

    private static JsonObject Distribution(string id, string download, string title, string format, string mediaType, string standard, string licence) => new()
    {
        ["@id"] = id,
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = Texts((title, "en")),
        ["dct:description"] = Texts(($"{title}, under the licence of each action (CC BY 4.0 or Licence Ouverte 2.0).", "en")),
        ["dcat:accessURL"] = Ref(download),
        ["dcat:downloadURL"] = Ref(download),
        ["dct:format"] = new JsonObject { ["@id"] = Eu + "file-type/" + format, ["@type"] = "dct:MediaTypeOrExtent" },
        ["dcat:mediaType"] = new JsonObject { ["@id"] = "http://www.iana.org/assignments/media-types/" + mediaType, ["@type"] = "dct:MediaType" },
        ["dct:conformsTo"] = new JsonObject { ["@id"] = standard, ["@type"] = "dct:Standard" },
        ["dct:license"] = Ref(licence),
    };

    private static JsonObject Ref(string id) => new() { ["@id"] = id };

    /// A reference to a node of another vocabulary, typed where it is used: the shapes check the
    /// class of what a property points to, and the vocabularies themselves are not in the file.
    private static JsonObject Typed(string id, string type) => new() { ["@id"] = id, ["@type"] = type };

    private static JsonObject Date(DateTime utc) => new() { ["@value"] = utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["@type"] = "xsd:date" };

    private static JsonArray Texts(params (string Text, string? Language)[] texts) =>
        new(texts.Select(t => (JsonNode)(t.Language is null ? new JsonObject { ["@value"] = t.Text } : new JsonObject { ["@value"] = t.Text, ["@language"] = t.Language })).ToArray());

    /// EU country authority codes are ISO 3166-1 alpha-3.
    private static string Alpha3(string alpha2) => Geography.WorldAtlas.Alpha3(alpha2) ?? alpha2;
}
