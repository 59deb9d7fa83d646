using System.Globalization;
using System.Net;
using FinanceBuilder.OpenLoad;

// Open-loop mixed load against a FinanceBuilder server on loopback (bench/openload/run.sh starts
// one): autosaves and page reads sent at fixed rates whatever the server answers, latency counted
// from each request's scheduled time, so a slow server is not hidden by a slowed-down generator.
//   dotnet bench/FinanceBuilder.OpenLoad/bin/Release/net10.0/FinanceBuilder.OpenLoad.dll \
//     --base http://127.0.0.1:5099 --setup /account/setup/… --sample samples/x.json
//     [--proposals 20] [--autosaves 150] [--reads 50] [--seconds 60] [--warmup 10] [--timeout 5]
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --base http://127.0.0.1:PORT --setup /account/setup/TOKEN --sample FILE [--proposals 20] [--autosaves 150] [--reads 50] [--seconds 60] [--warmup 10] [--timeout 5]");
    return 2;
}
if (!options.Base.IsLoopback)
{
    Console.Error.WriteLine($"{options.Base}: loopback only");
    return 2;
}

// Sign in and prepare the proposals with a client that keeps cookies; the load then sends the
// cookies it got as a fixed header (no cookie bookkeeping in the measured path).
var jar = new CookieContainer();
using (var setup = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = options.Base })
{
    await WizardClient.SetUpAdminAsync(setup, options.SetupPath, "bench@openload.test");
    var sample = await File.ReadAllBytesAsync(options.Sample);
    var users = new List<SimulatedUser>();
    for (var i = 0; i < options.Proposals; i++)
    {
        var id = await WizardClient.ImportAsync(setup, sample);
        var forms = new List<StepForm>();
        foreach (var (step, field) in WizardClient.Edits)
            forms.Add(await WizardClient.OpenStepAsync(setup, id, step, field));
        users.Add(new SimulatedUser(id, forms, forms[0].Version));
    }
    var cookies = jar.GetCookieHeader(options.Base);
    Console.WriteLine($"signed in; {users.Count} proposals imported from {Path.GetFileName(options.Sample)}; forms: "
        + string.Join(", ", users[0].Forms.Select(f => $"{f.Step} ({f.FieldCount} fields)")));

    using var load = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = options.Base,
        // Each request has its own deadline from its due time (OpenLoopRun); this is a backstop.
        Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 1),
    };
    load.DefaultRequestHeaders.Add("Cookie", cookies);
    if (options.WarmupSeconds > 0)
    {
        Console.WriteLine($"warm-up: {options.WarmupSeconds} s at the same rates (not counted)");
        await new OpenLoopRun(load, users, options, options.WarmupSeconds).RunAsync();
    }
    Console.WriteLine($"measured: {options.AutosavesPerSecond} autosaves/s + {options.ReadsPerSecond} page reads/s for {options.Seconds} s, {options.Proposals} proposals (one simulated user each)");
    var result = await new OpenLoopRun(load, users, options, options.Seconds).RunAsync();
    result.Print(Console.Out);
    return 0;
}

internal sealed record Options(Uri Base, string SetupPath, string Sample, int Proposals, double AutosavesPerSecond, double ReadsPerSecond, int Seconds, int WarmupSeconds, int TimeoutSeconds)
{
    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (!values.TryGetValue("base", out var baseUrl) || !values.TryGetValue("setup", out var setup) || !values.TryGetValue("sample", out var sample))
            return null;
        double Number(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new Options(new Uri(baseUrl), setup, sample, (int)Number("proposals", 20), Number("autosaves", 150), Number("reads", 50),
            (int)Number("seconds", 60), (int)Number("warmup", 10), (int)Number("timeout", 5));
        // Bounded: at most 10 minutes and 1,000 requests a second, whatever is asked.
        return options.Seconds is > 0 and <= 600 && options.WarmupSeconds is >= 0 and <= 120 && options.Proposals is > 0 and <= 1000
            && options.AutosavesPerSecond is >= 0 and <= 1000 && options.ReadsPerSecond is >= 0 and <= 1000 ? options : null;
    }
}
