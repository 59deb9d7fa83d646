using System.Diagnostics;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Bench;

/// Where an autosave's own work goes, stage by stage, without the web server and the database
/// (warm: median of the last 100 of 200 runs, and bytes allocated by one run):
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- save-stages
public static class SaveStageProbe
{
    public static void Run()
    {
        var stored = ProposalJson.Serialize(ProposalJson.FromStored(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", DocumentBenchmarks.Sample))));
        var validation = new ProposalValidation(new RuleCatalogue(RuleSettings.Default));
        var proposal = ProposalJson.FromStored(stored);
        proposal.Narratives.TheoryOfChange += " (changed)";
        var report = validation.Validate(proposal);
        var saved = ProposalJson.Serialize(proposal);
        var stages = new (string Name, Action Run)[]
        {
            ("parse the stored document", () => ProposalJson.FromStored(stored)),
            ("rule catalogue (validate)", () => validation.Validate(proposal)),
            ("serialise", () => ProposalJson.Serialize(proposal)),
            ("listing columns (rows)", () => ProposalRows.Compute(proposal, report)),
            ("audit diff", () => ProposalDiff.Compare(stored, saved)),
        };
        Console.WriteLine($"document: {stored.Length:N0} characters");
        // What one proposal kept between saves holds (ParsedProposals): the parsed model and its report.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var held = Enumerable.Range(0, 20).Select(_ => { var p = ProposalJson.FromStored(stored); validation.Validate(p); return p; }).ToList();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"one parsed proposal with its report holds {(heapAfter - heapBefore) / held.Count / 1024:N0} KB");
        GC.KeepAlive(held);
        foreach (var (name, run) in stages)
        {
            run();
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < 200; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            times = times.Skip(100).Order().ToList();
            Console.WriteLine($"{name,-30} {times[times.Count / 2],8:0.00} ms {bytes / 1024,8:N0} KB");
        }
    }
}
