using System.Diagnostics;
using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Features.Documents.Workbook;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Bench;

/// Where the time and the allocations of a package go, stage by stage (warm: median time of the
/// last 30 of 60 runs; bytes allocated by the last run, on every thread):
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- stages
public static class StageProbe
{
    public static void Run()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", DocumentBenchmarks.Sample));
        var packs = DocumentBenchmarks.Packs();
        var pack = packs.Packs[DocumentBenchmarks.Pack];
        var reader = new ProposalReader();
        var validation = new ProposalValidation(new RuleCatalogue(RuleSettings.Default));
        var proposal = reader.Read(json, CultureInfo.InvariantCulture).Proposal!;
        var text = System.Text.Encoding.UTF8.GetString(json);
        using var builder = new PackageBuilder(packs, new ProposalReader(), new ProposalValidation(new RuleCatalogue(RuleSettings.Default)), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PackageBuilder>.Instance);
        var info = new DocumentInfo { Title = "t", Author = "a", Language = "en", Labels = DocumentLabels.English };
        Dictionary<string, object?> model = [];
        var report = validation.Validate(proposal);
        var markdown = "";
        ContentDocument document = new([]);
        var stages = new (string Name, Action Run)[]
        {
            ("read proposal JSON", () => reader.Read(json, CultureInfo.InvariantCulture)),
            ("validate", () => report = validation.Validate(proposal)),
            ("document model (mapper)", () => model = DocumentModel.For(proposal, report)),
            ("templates → Markdown (Scriban)", () => markdown = pack.RenderMarkdown(model, "en")),
            ("Markdown → content (Markdig)", () => document = FinanceBuilder.Web.Features.Documents.Model.Unanswered.Resolve(MarkdownReader.Read(markdown), report.HasErrors, CultureInfo.GetCultureInfo("en"))),
            ("PDF", () => PdfRenderer.Render(document, info, DocumentTheme.Default, new MemoryStream())),
            ("  of which layout", () => PdfRenderer.Lay(document, info, DocumentTheme.Default).Dispose()),
            ("DOCX", () => DocxRenderer.Render(document, info, DocumentTheme.Default, new MemoryStream())),
            ("XLSX", () => BudgetWorkbook.Write(BudgetSheetMapper.For(proposal), new MemoryStream())),
            ("whole package (zip)", () => builder.BuildAsync(text, DocumentBenchmarks.Pack, "en", CultureInfo.InvariantCulture, CancellationToken.None).GetAwaiter().GetResult()),
        };
        foreach (var (name, run) in stages)
        {
            run();
            var times = new List<double>();
            var allocated = 0L;
            for (var i = 0; i < 60; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
            times = times.Skip(30).Order().ToList(); // the last 30: JIT tiering settled
            Console.WriteLine($"{name,-32} {times[times.Count / 2],8:0.00} ms {allocated / 1048576.0,8:0.0} MB allocated");
        }
    }
}
