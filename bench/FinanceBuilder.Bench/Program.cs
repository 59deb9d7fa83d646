using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(FinanceBuilder.Bench.ProposalReadBenchmarks).Assembly).Run(args);
