using System.Diagnostics;
using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Bench;

/// Peak memory of a 200-page PDF, in a fresh process so nothing else is counted:
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- memory
/// The largest sample's funding proposal is repeated until the document reaches 200 pages.
public static class MemoryProbe
{
    public static void Run()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", DocumentBenchmarks.Sample));
        var proposal = new ProposalReader().Read(json, CultureInfo.InvariantCulture).Proposal!;
        var one = DocumentModel.Document(DocumentBenchmarks.Packs().Packs[DocumentBenchmarks.Pack], proposal, new ProposalValidation(new RuleCatalogue(RuleSettings.Default)).Validate(proposal), "en");
        var info = new DocumentInfo { Title = "200 pages", Author = "FinanceBuilder", Language = "en", Header = "200 pages", Labels = DocumentLabels.English, Created = DateTimeOffset.UnixEpoch };
        var onePages = PdfRenderer.Render(one, info, DocumentTheme.Default, Stream.Null);
        var copies = (int)Math.Ceiling(200.0 / onePages);
        var big = new ContentDocument(Enumerable.Repeat(one.Blocks, copies).SelectMany(b => b).ToList());
        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var output = new MemoryStream();
        var pages = PdfRenderer.Render(big, info, DocumentTheme.Default, output);
        watch.Stop();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"pages {pages}, PDF {output.Length / 1024 / 1024.0:0.0} MiB, {watch.ElapsedMilliseconds} ms ({pages / watch.Elapsed.TotalSeconds:0} pages/s), " +
            $"peak working set {process.PeakWorkingSet64 / 1024 / 1024} MiB (before the render: {before / 1024 / 1024} MiB), allocated {GC.GetTotalAllocatedBytes() / 1024 / 1024} MiB");
    }
}
