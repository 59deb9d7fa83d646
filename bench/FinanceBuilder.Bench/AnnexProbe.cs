using System.Diagnostics;
using System.Globalization;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Bench;

/// Where an annex upload's memory goes, stage by stage, for PDFs of the given sizes (issue 15:
/// the peak must not grow with the file). Each stage runs on its own after a full collection;
/// the table gives the bytes it allocated and the managed heap's peak above what it started
/// with, so a stage whose figures grow with the file is the one that holds it.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- annex-stages 5 25
/// The stages: the content check (FileInspector), the SHA-256, the database store's write and
/// read back (SQLite, the app's own services), nothing else running.
public static class AnnexProbe
{
    public static async Task RunAsync(IReadOnlyList<int> megabytes)
    {
        var data = Directory.CreateTempSubdirectory("fb-annex-probe-");
        try
        {
            using var app = new AutosaveProbe.InMemoryApp(data.FullName);
            using (var client = app.CreateClient())
                (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
            var store = new DatabaseBlobStore(app.Services.GetRequiredService<IServiceScopeFactory>());
            Console.WriteLine("| File | Stage | Time | Allocated | Heap peak above start |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            // A first pass of 1 MB, not shown: the first run of each stage also loads and compiles code.
            foreach (var mb in megabytes.Prepend(1))
            {
                var path = Path.Combine(data.FullName, $"annex-{mb}.pdf");
                WritePdf(path, mb);
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
                var first = mb == 1;
                var key = new BlobKey(Guid.NewGuid(), "probe" + mb);
                await StageAsync(mb, first, "content check", () => { FileInspector.Inspect(file, "annex.pdf"); return Task.CompletedTask; });
                await StageAsync(mb, first, "SHA-256", () => ContentStore.Sha256Async(file, CancellationToken.None));
                await StageAsync(mb, first, "database store: write", async () => { file.Position = 0; await store.PutAsync(key, file, CancellationToken.None); });
                await StageAsync(mb, first, "database store: read", async () =>
                {
                    await using var read = await store.OpenReadAsync(key, file.Length, CancellationToken.None);
                    await read!.CopyToAsync(Stream.Null);
                });
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task StageAsync(int mb, bool quiet, string stage, Func<Task> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long peak = start;
        using var sampling = new CancellationTokenSource();
        // The heap's size sampled every millisecond while the stage runs: its highest point is
        // what the stage held at once (allocated bytes alone include what was freed at once).
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(1);
            }
        });
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await sampling.CancelAsync();
        await sampler;
        if (!quiet)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {mb} MB | {stage} | {watch.ElapsedMilliseconds} ms | {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:0.0} MB | {(peak - start) / 1048576.0:0.0} MB |"));
    }

    /// A valid one-page PDF made big by one stream of letters (as bench/annex-upload/measure.sh).
    private static void WritePdf(string path, int mb)
    {
        var random = new Random(mb);
        var filler = new char[mb * 1024 * 1024 - 2000];
        for (var i = 0; i < filler.Length; i++)
            filler[i] = (char)('a' + random.Next(26));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", $"<< /Length {filler.Length} >>\nstream\n{new string(filler)}\nendstream",
        ];
        var text = new System.Text.StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllText(path, text.ToString(), System.Text.Encoding.Latin1);
    }
}
