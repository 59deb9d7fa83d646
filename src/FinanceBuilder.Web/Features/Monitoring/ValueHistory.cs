using FinanceBuilder.Web.Data.Monitoring;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The values of a project read back as chains: for each indicator, year and kind, the first
/// value and the corrections after it, the last of which is the current value.
public sealed class ValueHistory
{
    private readonly Dictionary<(Guid Indicator, int Year, ValueKind Kind), List<IndicatorValue>> chains;

    public ValueHistory(IEnumerable<IndicatorValue> values) =>
        chains = CorrectionChains.Build(values, v => v.Id, v => v.CorrectsId, v => (v.IndicatorId, v.Year, v.Kind));

    public int Count => chains.Values.Sum(c => c.Count);

    /// The value that stands for this year, or null when none was entered.
    public IndicatorValue? Current(Guid indicator, int year, ValueKind kind = ValueKind.Actual) =>
        chains.TryGetValue((indicator, year, kind), out var chain) ? chain[^1] : null;

    /// Every entry for this year, first to last.
    public IReadOnlyList<IndicatorValue> Chain(Guid indicator, int year, ValueKind kind = ValueKind.Actual) =>
        chains.TryGetValue((indicator, year, kind), out var chain) ? chain : [];

    /// The most recent current value of a year before <paramref name="year"/>, with its year.
    public IndicatorValue? LastBefore(Guid indicator, int year, ValueKind kind = ValueKind.Actual) =>
        chains.Where(c => c.Key.Indicator == indicator && c.Key.Kind == kind && c.Key.Year < year && c.Value[^1].Value is not null)
            .OrderByDescending(c => c.Key.Year)
            .Select(c => c.Value[^1])
            .FirstOrDefault();

    /// The current values of one indicator, year by year.
    public IEnumerable<IndicatorValue> Series(Guid indicator, ValueKind kind = ValueKind.Actual) =>
        chains.Where(c => c.Key.Indicator == indicator && c.Key.Kind == kind).OrderBy(c => c.Key.Year).Select(c => c.Value[^1]);

    /// All chains of one indicator, by year.
    public IEnumerable<(int Year, IReadOnlyList<IndicatorValue> Chain)> Chains(Guid indicator, ValueKind kind = ValueKind.Actual) =>
        chains.Where(c => c.Key.Indicator == indicator && c.Key.Kind == kind).OrderBy(c => c.Key.Year).Select(c => (c.Key.Year, (IReadOnlyList<IndicatorValue>)c.Value));
}
