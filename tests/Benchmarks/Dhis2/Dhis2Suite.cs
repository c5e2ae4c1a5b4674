using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Load;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Benchmarks.Dhis2;

/// <summary>
/// DHIS2 interchange at national scale, over HTTP against the Release host: the national suite's
/// generated country (<see cref="Country"/>, one year of months by default: 3,300 communes × 100
/// indicators × 12 months ≈ 3.96 M data values), read models rebuilt, then
/// <list type="bullet">
/// <item>the export of the whole country as a dataValueSet, for one month and for the year: elapsed
/// time, values/s, time to the first byte, and the host's resident memory before and at its peak
/// during each, so that flat memory shows as the same growth for 1 and 12 months. Goal at national
/// scale: the year in under 10 s;</item>
/// <item>the import of a fresh month for every commune, in requests of <see cref="ImportPhase.UnitMonthsPerRequest"/>
/// unit-months (under the default 1 MB body limit), in values/s against a raw binary COPY of the same
/// facts (the ReportSubmitted events the import appends) into a table shaped like es.events.</item>
/// </list>
/// Options: the national suite's (--quick, --communes, --indicators, --years, --keep, --reuse).
/// </summary>
public static class Dhis2Suite
{
    private const double ExportGoalSeconds = 10;
    private const string Gen0Budget = "0x1000000"; // 16 MB a heap

    public static async Task<int> RunAsync(string[] args)
    {
        // One year of months unless told otherwise: the national export the issue asks for.
        var options = NationalOptions.Parse(["--years", "1", .. args], out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var startedAt = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        var root = ResultReport.RepositoryRoot();
        var db = options.Reuse is { } kept ? BenchDatabase.Existing(options.ConnectionString, kept) : await BenchDatabase.CreateAsync(options.ConnectionString);
        var country = new Country(options);
        Console.WriteLine($"dhis2 benchmark: {options.Provinces} provinces, {options.Communes:N0} communes, {options.Indicators} indicators, " +
                          $"{options.Years} year(s) of months ({(long)options.Communes * options.Indicators * options.Years * 12:N0} data values), database {db.Name}");
        try
        {
            if (options.Reuse is null)
            {
                await CountryLoad.LoadAndRebuildAsync(db, country);
                await db.ExecuteAsync("VACUUM (ANALYZE)");
            }
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = db.Name }.ConnectionString;
            // The server GC sizes its young generation to the machine (tens of MB a heap, and growing with
            // the allocation rate): capped, the resident set tracks what the export holds, not the GC's appetite.
            await using var host = await HostProcess.StartAsync(root, connection, new Dictionary<string, string> { ["DOTNET_GCgen0MaxBudget"] = Gen0Budget });
            var tokens = DevelopmentTokens.FromHostSettings(root);
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Create("bench-dhis2", "admin"));

            var memory = new ProcessMemory(host.ProcessId);
            var lastYear = country.Months[^1].Year;
            var oneMonth = $"{lastYear}08";
            await ExportPhase.RunAsync(http, oneMonth); // warm-up: JIT, pools, the catalogue's caches
            var exports = new List<ExportPhase.Export>();
            foreach (var (label, period) in new[] { ("1 month", oneMonth), ("12 months", lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture)) })
            {
                Console.Write($"  export, the whole country, {label} ... ");
                var cpu = host.CpuTime;
                var (export, used) = await memory.MeasureAsync(() => ExportPhase.RunAsync(http, period));
                exports.Add(export with { Label = label, Memory = used, HostCpuSeconds = (host.CpuTime - cpu).TotalSeconds });
                Console.WriteLine($"{export.Seconds:F2} s, {export.Values:N0} values, first byte after {export.FirstByteMs:F0} ms, " +
                                  $"host CPU {(host.CpuTime - cpu).TotalSeconds:F2} s, {used.Describe()}");
            }

            var national = options.Communes >= 3_000 && options.Indicators >= 100;
            var results = exports.Select(e => e.Result(national && e.Label == "12 months" ? ExportGoalSeconds : null)).ToList();
            var expected = (long)country.Communes.Count * options.Indicators * 12;
            if (exports[^1].Values != expected)
                Console.WriteLine($"  WARNING: the year's export carried {exports[^1].Values:N0} values, {expected:N0} expected.");

            var (import, copy) = await ImportPhase.RunAsync(db, http, country, options);
            results.Add(copy);
            results.Add(import.ComparedWith(copy, null));

            Console.WriteLine();
            Console.WriteLine(ResultReport.Table(results));
            var flat = exports[0].Memory!.GrowthBytes > 0 ? (double)exports[1].Memory!.GrowthBytes / exports[0].Memory!.GrowthBytes : (double?)null;
            Console.WriteLine($"Memory: peak RSS growth {ProcessMemory.Usage.Mb(exports[0].Memory!.GrowthBytes)} MB for 1 month, " +
                              $"{ProcessMemory.Usage.Mb(exports[1].Memory!.GrowthBytes)} MB for 12 months (12× the values).");
            var path = await ResultReport.SaveAsync("dhis2", startedAt, new
            {
                Suite = "dhis2", StartedAt = startedAt, TotalSeconds = total.Elapsed.TotalSeconds, Database = db.Name,
                Options = new { options.Provinces, options.Communes, options.Indicators, options.Years, options.Reuse },
                Results = results,
                Exports = exports.Select(e => new
                {
                    e.Label, e.Period, e.Values, e.Bytes, e.Seconds, ValuesPerSecond = e.Values / e.Seconds, e.FirstByteMs, e.CaughtUp, e.HostCpuSeconds,
                    RssBeforeBytes = e.Memory!.BeforeBytes, RssPeakBytes = e.Memory.PeakBytes, RssGrowthBytes = e.Memory.GrowthBytes,
                }),
                MemoryGrowthRatio12To1 = flat,
                HostGc = new { Server = true, Gen0MaxBudget = Gen0Budget },
            });
            Console.WriteLine($"Results written to {path}");
            return results.Any(r => r.GoalMet == false) ? 1 : 0;
        }
        finally
        {
            if (options.Keep) Console.WriteLine($"Kept database {db.Name}.");
            else await db.DropAsync();
            Console.WriteLine($"Total {total.Elapsed.TotalSeconds:F0} s.");
        }
    }
}
