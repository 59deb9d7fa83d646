using System.Diagnostics.Metrics;

namespace FinanceBuilder.Web.Diagnostics;

/// How often a request pays for the two costly steps of handling a proposal: parsing its stored
/// JSON and running the rule catalogue. Autosave should pay each once; the benchmark
/// (bench/autosave/run.sh) and tests read these counters with a MeterListener. The tag "site"
/// says which code parsed, so a count above one points at the place to mend.
public static class PipelineMetrics
{
    public const string MeterName = "FinanceBuilder.Pipeline";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Parses = Meter.CreateCounter<long>("proposal.parses", description: "Proposal JSON documents parsed (to the model or to a JSON tree)");

    private static readonly Counter<long> RuleRuns = Meter.CreateCounter<long>("rules.runs", description: "Runs of the whole rule catalogue over a proposal");

    public static void Parsed(string site) => Parses.Add(1, new KeyValuePair<string, object?>("site", site));

    public static void RulesRun() => RuleRuns.Add(1);
}
