using FinanceBuilder.Web.Data.Monitoring;

namespace FinanceBuilder.Web.Features.Monitoring;

/// A project's round entries read back as chains, as ValueHistory does for indicator values: per
/// year, section and key, the first line and its corrections; the last stands unless withdrawn.
public sealed class EntryHistory
{
    private readonly Dictionary<(int Year, EntrySection Section, string Key), List<RoundEntry>> chains;

    public EntryHistory(IEnumerable<RoundEntry> entries) =>
        chains = CorrectionChains.Build(entries, e => e.Id, e => e.CorrectsId, e => (e.Year, e.Section, e.Key));

    /// The line as it stands (withdrawn ones included, so a page can offer to enter them again).
    public RoundEntry? Current(int year, EntrySection section, string key) =>
        chains.TryGetValue((year, section, key), out var chain) ? chain[^1] : null;

    /// The lines of a section that stand in a year, in the order they were first entered.
    public IEnumerable<RoundEntry> Standing(int year, EntrySection section) =>
        chains.Where(c => c.Key.Year == year && c.Key.Section == section && !c.Value[^1].Withdrawn)
            .OrderBy(c => c.Value[0].Id).Select(c => c.Value[^1]);

    /// Every line of a section that was ever entered in a year (withdrawn included), first first.
    public IEnumerable<RoundEntry> All(int year, EntrySection section) =>
        chains.Where(c => c.Key.Year == year && c.Key.Section == section).OrderBy(c => c.Value[0].Id).Select(c => c.Value[^1]);

    /// The standing lines of a section up to and including a year (and, when asked, the withdrawn).
    public IEnumerable<RoundEntry> UpTo(int year, EntrySection section, bool withdrawn = false) =>
        chains.Where(c => c.Key.Year <= year && c.Key.Section == section && (withdrawn || !c.Value[^1].Withdrawn)).Select(c => c.Value[^1]);

    public IReadOnlyList<RoundEntry> Chain(int year, EntrySection section, string key) =>
        chains.TryGetValue((year, section, key), out var chain) ? chain : [];

    /// The number of corrections made to this year's lines.
    public int Corrections(int year) => chains.Where(c => c.Key.Year == year).Sum(c => c.Value.Count - 1);
}
