using System.Diagnostics;

namespace FinanceBuilder.OpenLoad;

/// One run at fixed rates: request i of a kind is due at start + i / rate, sent then whatever
/// earlier requests are doing, and its latency counts from that due time. An autosave whose
/// user is still waiting for their previous one is sent when that one answers (as the page
/// does); the wait counts in its latency. A request not answered within the timeout of its due
/// time (waiting for its turn included) is a timeout, so a run ends at most a timeout after its
/// last due time, however far behind the server falls.
internal sealed class OpenLoopRun(HttpClient client, IReadOnlyList<SimulatedUser> users, Options options, int seconds)
{
    private static readonly string[] ReadPages = ["", "/narratives", "/mitigation", "/budget"];

    public async Task<RunResult> RunAsync()
    {
        var autosaves = new Outcomes("autosave", (int)(options.AutosavesPerSecond * seconds));
        var reads = new Outcomes("page read", (int)(options.ReadsPerSecond * seconds));
        var lag = new List<double>(autosaves.Count + reads.Count);
        var inFlight = new List<Task>(autosaves.Count + reads.Count);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        int nextAutosave = 0, nextRead = 0;
        while (nextAutosave < autosaves.Count || nextRead < reads.Count)
        {
            var autosaveDue = nextAutosave < autosaves.Count ? Due(start, nextAutosave, options.AutosavesPerSecond) : long.MaxValue;
            var readDue = nextRead < reads.Count ? Due(start, nextRead, options.ReadsPerSecond) : long.MaxValue;
            var due = Math.Min(autosaveDue, readDue);
            WaitUntil(due);
            lag.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            inFlight.Add(autosaveDue <= readDue
                ? AutosaveAsync(autosaves, nextAutosave++, due)
                : ReadAsync(reads, nextRead++, due));
        }
        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new RunResult([autosaves, reads], elapsed, lag);
    }

    private CancellationTokenSource Deadline(long due)
    {
        var left = TimeSpan.FromSeconds(options.TimeoutSeconds) - Stopwatch.GetElapsedTime(due);
        return new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private static long Due(long start, int index, double rate) => start + (long)(index * Stopwatch.Frequency / rate);

    /// Sleeps to the due time on the scheduling thread (no spinning: the server needs the cores);
    /// a late wake-up is part of the latency measured from the due time.
    private static void WaitUntil(long due)
    {
        while (true)
        {
            var left = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            if (left < 0.5)
                return;
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Floor(left))));
        }
    }

    private Task AutosaveAsync(Outcomes outcomes, int index, long due) => Task.Run(async () =>
    {
        var user = users[index % users.Count];
        using var deadline = Deadline(due);
        try
        {
            await user.Turn.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            outcomes.Record(index, due, "timeout");
            return;
        }
        try
        {
            var form = user.Forms[user.Revision % user.Forms.Count];
            user.Revision++;
            var (code, status, version) = await WizardClient.AutosaveAsync(client, form, user.Version, user.Revision, deadline.Token);
            // A conflict reply carries the saved version: the next autosave uses it, so one lost
            // race or timeout costs one error, not all that follow.
            if (version is { } v)
                user.Version = v;
            outcomes.Record(index, due, code is >= 200 and < 300 && status == "saved" ? null
                : status is "conflict" or "invalid" or "expired" ? status : $"HTTP {code}");
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            outcomes.Record(index, due, e is OperationCanceledException ? "timeout" : "connection");
        }
        finally
        {
            user.Turn.Release();
        }
    });

    private Task ReadAsync(Outcomes outcomes, int index, long due) => Task.Run(async () =>
    {
        var user = users[index % users.Count];
        var page = ReadPages[index / users.Count % ReadPages.Length];
        using var deadline = Deadline(due);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/proposals/{user.Id}{page}", UriKind.Relative));
            // As a browser asks; the body is read but not decompressed (that is the browser's work).
            request.Headers.Add("Accept-Encoding", "br");
            using var response = await client.SendAsync(request, deadline.Token);
            await response.Content.CopyToAsync(Stream.Null, deadline.Token);
            outcomes.Record(index, due, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            outcomes.Record(index, due, e is OperationCanceledException ? "timeout" : "connection");
        }
    });
}
