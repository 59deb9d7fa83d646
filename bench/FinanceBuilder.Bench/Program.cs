using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*'
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- memory   (peak memory of a 200-page PDF)
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- stages   (where a package's time goes)
if (args is ["memory"])
    FinanceBuilder.Bench.MemoryProbe.Run();
else if (args is ["stages"])
    FinanceBuilder.Bench.StageProbe.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(FinanceBuilder.Bench.ProposalReadBenchmarks).Assembly).Run(args);
