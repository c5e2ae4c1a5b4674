// ops/bench marten [options]: the national workload through this store and through Marten, side by side.
return await GovReport.Benchmarks.SideBySide.SideBySideSuite.RunAsync(args);
