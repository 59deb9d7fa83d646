using System.Diagnostics;

namespace FinanceBuilder.Web.Cli.Batch;

/// Runs one command over many proposals, <c>jobs</c> at a time, and writes each proposal's line
/// in the order given as soon as it and those before it are done. A proposal that fails gets its
/// line and the batch goes on; the exit status is the largest of the lines'.
public static class BatchRun
{
    public static async Task<int> RunAsync(IReadOnlyList<BatchInput> inputs, int jobs, Func<BatchInput, CancellationToken, Task<BatchLine>> work,
        BatchWriter writer, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var results = inputs.Select(_ => new TaskCompletionSource<BatchLine>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var producer = Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ct }, async (i, token) =>
        {
            var input = inputs[i];
            try
            {
                results[i].SetResult(input.Problem is { } problem ? BatchLine.Failed(input, ExitCodes.BadInput, problem) : await work(input, token));
            }
            catch (Exception e) when (CliErrors.Classify(e) is { } known)
            {
                results[i].SetResult(BatchLine.Failed(input, known.ExitCode, known.Message));
            }
            catch (Exception e)
            {
                // A bug, not bad input: the batch stops with its stack trace.
                results[i].SetException(e);
            }
        });
        var lines = new List<BatchLine>(inputs.Count);
        foreach (var result in results)
        {
            var line = await result.Task;
            lines.Add(line);
            await writer.LineAsync(line);
        }
        await producer;
        var summary = BatchSummary.Of(lines, clock.Elapsed);
        await writer.SummaryAsync(lines, summary);
        return summary.ExitCode;
    }
}
