using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using Json.Schema;

namespace FinanceBuilder.Web.Tests.Proposals;

public sealed class SchemaTests
{
    private static string PublishedSchemaPath => Path.Combine(Samples.RepositoryRoot, "docs", "proposal.schema.json");

    // Parsed once: JsonSchema.Net registers a schema under its $id and refuses a second one.
    private static readonly Lazy<JsonSchema> Published = new(() => JsonSchema.FromText(File.ReadAllText(PublishedSchemaPath)));

    /// docs/proposal.schema.json is what the server generates. When the model changes, regenerate:
    ///   ./financebuilder schema docs/proposal.schema.json
    [Fact]
    public void PublishedSchema_MatchesTheModel()
    {
        var published = File.ReadAllText(PublishedSchemaPath);

        Assert.True(published == ProposalSchema.Json,
            "docs/proposal.schema.json is out of date; regenerate it with: ./financebuilder schema docs/proposal.schema.json");
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    [MemberData(nameof(Samples.RealNames), MemberType = typeof(Samples))]
    public void Sample_IsValidAgainstThePublishedSchema(string sample)
    {
        var schema = Published.Value;
        using var document = JsonDocument.Parse(Samples.ReadText(sample));

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void PublishedSchema_RejectsWhatTheReaderRejects()
    {
        var schema = Published.Value;
        string[] invalid =
        [
            """{"schemaVersion":1,"basics":{"focus":"geoengineering"}}""",
            """{"schemaVersion":1,"basics":{"titel":"typo"}}""",
            """{"schemaVersion":1,"budget":{"reportingCurrency":"usd"}}""",
            """{"schemaVersion":1,"basics":{"resultAreas":[{"area":"A1","sharePercent":140}]}}""",
        ];

        foreach (var json in invalid)
        {
            using var document = JsonDocument.Parse(json);
            Assert.False(schema.Evaluate(document.RootElement).IsValid, json);
        }
    }

    /// Sample files are stored exactly as FinanceBuilder writes them, so an export of an
    /// imported sample is byte-for-byte the file (and diffs of samples stay readable).
    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    [MemberData(nameof(Samples.RealNames), MemberType = typeof(Samples))]
    public void Sample_IsInCanonicalForm(string sample)
    {
        var read = new ProposalReader().Read(Samples.Read(sample), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(read.Succeeded, string.Join("\n", read.Errors.Select(e => e.Message)));
        var canonical = ProposalJson.Serialize(read.Proposal!) + "\n";
        // After a model change adds a property: FB_UPDATE_GOLDEN=1 rewrites the samples in samples/.
        if (Environment.GetEnvironmentVariable("FB_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(Samples.RepositoryRoot, "samples", sample), canonical);
        Assert.Equal(Samples.ReadText(sample), canonical);
    }

    [Fact]
    public void ThereAreAtLeastThreeSamples_OneInFrench()
    {
        var languages = Samples.Files.Select(f => JsonNode.Parse(File.ReadAllText(f))!["language"]?.GetValue<string>()).ToList();

        Assert.True(languages.Count >= 3);
        Assert.Contains("fr", languages);
    }
}
