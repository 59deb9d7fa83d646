using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*'
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- memory   (peak memory of a 200-page PDF)
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- stages   (where a package's time goes)
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- save-stages   (where an autosave's own work goes, without server and database)
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- autosave [count] [step]   (parses, rule runs, time and bytes per autosave; with a step, only its autosave, for a profiler)
// dotnet run -c Release --project bench/FinanceBuilder.Bench -- annex-stages 5 25   (memory of an annex upload's stages, per file size)
if (args is ["annex-stages", ..])
    await FinanceBuilder.Bench.AnnexProbe.RunAsync(args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList());
else if (args is ["autosave", ..])
    await FinanceBuilder.Bench.AutosaveProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200, args.Length > 2 ? args[2] : null);
else if (args is ["memory"])
    FinanceBuilder.Bench.MemoryProbe.Run();
else if (args is ["save-stages"])
    FinanceBuilder.Bench.SaveStageProbe.Run();
else if (args is ["stages"])
    FinanceBuilder.Bench.StageProbe.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(FinanceBuilder.Bench.ProposalReadBenchmarks).Assembly).Run(args);
