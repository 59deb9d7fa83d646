using System.Globalization;
using BenchmarkDotNet.Attributes;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Bench;

/// Issue 3's budget: validating the largest proposal (500 budget lines, 100 indicators) warm in
/// under 5 ms. The large proposal is the cross-cutting sample with its lines and indicators repeated.
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ProposalValidation validation = new(new RuleCatalogue(RuleSettings.Default));
    private Proposal sample = new();
    private Proposal largest = new();

    [GlobalSetup]
    public void Setup()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "crosscutting-cuenca-watershed-bus.json"));
        sample = new ProposalReader().Read(bytes, CultureInfo.InvariantCulture).Proposal!;
        largest = new ProposalReader().Read(bytes, CultureInfo.InvariantCulture).Proposal!;
        var lines = largest.Budget.Lines.ToList();
        while (largest.Budget.Lines.Count < 500)
            largest.Budget.Lines.Add(lines[largest.Budget.Lines.Count % lines.Count]);
        var indicators = largest.Results.Indicators.ToList();
        while (largest.Results.Indicators.Count < 100)
            largest.Results.Indicators.Add(indicators[largest.Results.Indicators.Count % indicators.Count]);
    }

    [Benchmark(Baseline = true, Description = "validate sample (129 lines, 20 indicators)")]
    public ValidationReport Sample() => validation.Validate(sample);

    [Benchmark(Description = "validate largest (500 lines, 100 indicators)")]
    public ValidationReport Largest() => validation.Validate(largest);

    [Benchmark(Description = "key figures only (largest)")]
    public KeyFigures Figures() => KeyFigures.Compute(largest);
}
