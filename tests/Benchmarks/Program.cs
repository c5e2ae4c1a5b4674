using GovReport.Benchmarks.EventStore;

// Usage: GovReport.Benchmarks [suite] [suite options]. The suite defaults to the first one, so
// `ops/bench --quick` works; more suites are added to this table.
var suites = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["eventstore"] = EventStoreSuite.RunAsync,
    ["national"] = GovReport.Benchmarks.National.NationalSuite.RunAsync,
    ["load"] = GovReport.Benchmarks.Load.LoadSuite.RunAsync,
    ["pages"] = GovReport.Benchmarks.Pages.PageSuite.RunAsync,
    ["reform"] = GovReport.Benchmarks.Reform.ReformSuite.RunAsync,
    ["dhis2"] = GovReport.Benchmarks.Dhis2.Dhis2Suite.RunAsync,
};

var name = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "eventstore";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
if (!suites.TryGetValue(name, out var run))
{
    Console.Error.WriteLine($"Unknown suite '{name}'. Known suites: {string.Join(", ", suites.Keys)}.");
    return 2;
}
return await run(rest);
