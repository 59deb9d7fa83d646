using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using FinanceBuilder.OpenLoad;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinanceBuilder.Bench;

/// What one autosave costs, on the real app in memory (its own SQLite database, Production
/// settings, one signed-in administrator, the Tamale sample imported): how many times the
/// request parses the proposal and runs the rule catalogue (meter FinanceBuilder.Pipeline), its
/// mean time and the bytes allocated, for a text step, the mitigation calculator and the budget;
/// the same for opening those pages and for building a package. Requests go one at a time.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- autosave [count]
/// Bytes are everything the process allocated per request: the server's work plus the in-memory
/// client's (form encoding, reading the reply); the GET /health row shows that floor. CPU is the
/// process's processor time per request (all threads): steadier than the wall clock when other
/// work shares the machine.
public static class AutosaveProbe
{
    private const string Sample = "mitigation-tamale-solar-led.json";

    /// <param name="only">A step whose autosave alone is repeated (for a profiler), or null.</param>
    public static async Task RunAsync(int count, string? only = null)
    {
        var data = Directory.CreateTempSubdirectory("fb-autosave-probe-");
        try
        {
            await RunAsync(data.FullName, count, only);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string data, int count, string? only)
    {
        using var app = new InMemoryApp(data);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();

        // The first account, the way an operator makes it: create-admin's one-time link.
        var printed = new StringWriter();
        if (await FinanceBuilder.Web.Cli.CommandLine.RunAsync(["create-admin", "bench@probe.test", $"--FinanceBuilder:DataDirectory={data}", "--ConnectionStrings:Postgres="], printed, printed) != 0)
            throw new InvalidOperationException("create-admin failed: " + printed);
        var link = printed.ToString().Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("/account/setup/", StringComparison.Ordinal));
        await WizardClient.SetUpAdminAsync(client, link[link.IndexOf("/account/setup/", StringComparison.Ordinal)..], "bench@probe.test");
        var id = await WizardClient.ImportAsync(client, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", Sample)));

        if (only is not null)
        {
            var (_, onlyField) = WizardClient.Edits.Single(e => e.Step == only);
            var onlyForm = await WizardClient.OpenStepAsync(client, id, only, onlyField);
            var onlyVersion = onlyForm.Version;
            var started = Stopwatch.GetTimestamp();
            for (var revision = 1; revision <= count; revision++)
            {
                var (code, status, next) = await WizardClient.AutosaveAsync(client, onlyForm, onlyVersion, revision);
                if (status != "saved" || next is null)
                    throw new InvalidOperationException($"autosave of {only} answered {code} {status}");
                onlyVersion = next.Value;
            }
            Console.WriteLine($"{count} autosaves of {only}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds / count:0.00} ms each");
            return;
        }
        var rows = new List<Row> { await MeasureAsync("GET /health (floor: client + in-memory server)", count, async _ => (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode()) };
        foreach (var (step, field) in WizardClient.Edits)
        {
            var form = await WizardClient.OpenStepAsync(client, id, step, field);
            rows.Add(await MeasureAsync($"GET /proposals/{{id}}/{step}", count, async _ =>
                (await client.GetAsync(new Uri($"/proposals/{id}/{step}", UriKind.Relative))).EnsureSuccessStatusCode()));
            var version = form.Version;
            rows.Add(await MeasureAsync($"autosave {step} ({form.FieldCount} fields, changes {field})", count, async revision =>
            {
                var (code, status, next) = await WizardClient.AutosaveAsync(client, form, version, revision);
                if (status != "saved" || next is null)
                    throw new InvalidOperationException($"autosave of {step} answered {code} {status}");
                version = next.Value;
            }));
        }
        rows.Add(await MeasureAsync("POST /api/proposals/{id}/packages", Math.Max(3, count / 20), async _ =>
        {
            using var response = await client.PostAsync(new Uri($"/api/proposals/{id}/packages", UriKind.Relative), null);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"package answered {(int)response.StatusCode}");
            await response.Content.CopyToAsync(Stream.Null);
        }));

        Console.WriteLine($"Sample {Sample}; {count} requests a row one after another (packages: {Math.Max(3, count / 20)}), after a warm-up.");
        Console.WriteLine();
        Console.WriteLine("| Request | Parses | Rule runs | Mean | Median | CPU | Allocated | Parses by site |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
            Console.WriteLine(row.Markdown());
    }

    private sealed record Row(string Name, double Parses, double RuleRuns, double MeanMs, double MedianMs, double CpuMs, double KilobytesAllocated, string Sites)
    {
        public string Markdown() => string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Parses:0.##} | {RuleRuns:0.##} | {MeanMs:0.00} ms | {MedianMs:0.00} ms | {CpuMs:0.00} ms | {KilobytesAllocated:0} KB | {Sites} |");
    }

    /// Three passes: a warm-up, one that counts (with a listener on the meter), one that times
    /// and weighs (without: the listener allocates too).
    private static async Task<Row> MeasureAsync(string name, int count, Func<int, Task> request)
    {
        var revision = 0;
        for (var i = 0; i < Math.Max(5, count / 4); i++)
            await request(++revision);

        Dictionary<string, long> counted;
        var countPasses = Math.Min(count, 20);
        using (var counts = new PipelineCounts())
        {
            for (var i = 0; i < countPasses; i++)
                await request(++revision);
            counted = counts.Snapshot();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var times = new double[count];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request(++revision);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;

        double Per(string key) => counted.Where(c => c.Key == key || c.Key.StartsWith(key + " ", StringComparison.Ordinal)).Sum(c => c.Value) / (double)countPasses;
        var sites = string.Join(", ", counted.Where(c => c.Key.StartsWith("proposal.parses ", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key["proposal.parses ".Length..]} {c.Value / (double)countPasses:0.##}")));
        Array.Sort(times);
        return new Row(name, Per("proposal.parses"), Per("rules.runs"), times.Average(), times[times.Length / 2], cpu / count, allocated / 1024.0 / count, sites.Length == 0 ? "—" : sites);
    }

    /// Every measurement of the FinanceBuilder.Pipeline meter, by instrument and "site" tag.
    private sealed class PipelineCounts : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

        public PipelineCounts()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PipelineMetrics.MeterName)
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var key = instrument.Name;
                foreach (var tag in tags)
                {
                    if (tag.Key == "site")
                        key += " " + tag.Value;
                }
                counts.AddOrUpdate(key, value, (_, total) => total + value);
            });
            listener.Start();
        }

        public Dictionary<string, long> Snapshot() => new(counts, StringComparer.Ordinal);

        public void Dispose() => listener.Dispose();
    }

    // Any public class of the web assembly names it: this project has its own Program.
    internal sealed class InMemoryApp(string data) : WebApplicationFactory<FinanceBuilder.Web.Rules.ProposalValidation>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("FinanceBuilder:DataDirectory", data);
            builder.UseSetting("ConnectionStrings:Postgres", "");
            builder.UseSetting("FinanceBuilder:LoadDemoWorkspace", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // The in-memory server cannot apply request size limits and says so at every post.
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        }
    }
}
