using System.Diagnostics;
using System.Globalization;

namespace FinanceBuilder.OpenLoad;

/// The latency and outcome of every request of one kind, by its index in the schedule.
internal sealed class Outcomes(string kind, int count)
{
    private readonly double[] latencies = new double[count];
    private readonly string?[] errors = new string?[count];
    private readonly long[] finished = new long[count];

    public string Kind { get; } = kind;
    public int Count { get; } = count;

    public void Record(int index, long due, string? error)
    {
        finished[index] = Stopwatch.GetTimestamp();
        latencies[index] = Stopwatch.GetElapsedTime(due, finished[index]).TotalMilliseconds;
        errors[index] = error;
    }

    public string Summary(double seconds)
    {
        var sorted = latencies.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var failed = errors.Where(e => e is not null).GroupBy(e => e!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}").ToList();
        var ok = errors.Count(e => e is null);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Kind,-10} {Count,6} sent {ok / seconds,7:0.0}/s ok   p50 {At(0.5),7:0.0}  p90 {At(0.9),7:0.0}  p99 {At(0.99),7:0.0}  max {At(1),7:0.0} ms   errors: {(failed.Count == 0 ? "none" : string.Join(", ", failed))}");
    }
}

internal sealed record RunResult(IReadOnlyList<Outcomes> Kinds, double Seconds, List<double> SchedulerLag)
{
    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run took {Seconds:0.0} s (latency from each request's scheduled time)"));
        foreach (var kind in Kinds)
            output.WriteLine(kind.Summary(Seconds));
        var lag = SchedulerLag.Order().ToArray();
        if (lag.Length > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generator: sent late by p99 {lag[(int)Math.Ceiling(0.99 * lag.Length) - 1]:0.0} ms, max {lag[^1]:0.0} ms (included in the latencies)"));
    }
}
