using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Bench;

/// What our strict import costs over a bare deserialisation: the bounded prescan, the JSON tree
/// for the schema-version upgrade, and the field-limit walk. Run on every sample.
[MemoryDiagnoser]
public class ProposalReadBenchmarks
{
    private readonly ProposalReader reader = new();
    private byte[] json = [];
    private Proposal proposal = new();

    [ParamsSource(nameof(SampleNames))]
    public string Sample { get; set; } = "";

    public static IEnumerable<string> SampleNames =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json").Select(Path.GetFileName).Order()!;

    [GlobalSetup]
    public void Setup()
    {
        json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", Sample));
        proposal = JsonSerializer.Deserialize<Proposal>(json, ProposalJson.Options)!;
    }

    [Benchmark(Baseline = true, Description = "bare JsonSerializer.Deserialize")]
    public Proposal Deserialize() => JsonSerializer.Deserialize<Proposal>(json, ProposalJson.Options)!;

    [Benchmark(Description = "ProposalReader.Read (prescan + upgrade + limits)")]
    public ProposalReadResult Read() => reader.Read(json, CultureInfo.InvariantCulture);

    [Benchmark(Description = "JsonPrescan only")]
    public ProposalInputError? Prescan() => JsonPrescan.Check(json, CultureInfo.InvariantCulture);

    [Benchmark(Description = "ProposalInputCheck only")]
    public int Limits() => ProposalInputCheck.Check(proposal, CultureInfo.InvariantCulture).Count;

    [Benchmark(Description = "ProposalJson.Serialize (export)")]
    public string Serialize() => ProposalJson.Serialize(proposal);
}
