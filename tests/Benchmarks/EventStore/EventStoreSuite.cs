using System.Diagnostics;
using System.Runtime.InteropServices;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The event store against its physical limits, in one fresh database: raw COPY vs appends, raw
/// ordered scan vs catch-up. Goal: the store's bulk paths run at half the raw rate or better.
/// </summary>
public static class EventStoreSuite
{
    private const double Goal = 0.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = EventStoreOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var startedAt = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        var db = await BenchDatabase.CreateAsync(options.ConnectionString);
        Console.WriteLine($"eventstore benchmark: N = {options.Events:N0}, M = {options.SingleEvents:N0}, database {db.Name}");
        try
        {
            var machine = await MachineAsync(db);
            Console.WriteLine(string.Join(", ", machine.Select(kv => $"{kv.Key} {kv.Value}")));
            var store = new PgEventStore(db.DataSource, TimeProvider.System);
            await store.MigrateAsync();

            var rawCopy = await Phase("raw COPY", () => RawCopyPhase.RunAsync(db, options));
            var single = await Phase("single appends", () => SingleAppendPhase.RunAsync(store, options));
            var bulk = await Phase("bulk appends", () => BulkAppendPhase.RunAsync(store, options));
            // Fresh statistics for the planner, and hint bits set now rather than by the first reader.
            await Phase("VACUUM ANALYZE", async () => { await db.ExecuteAsync("VACUUM (ANALYZE) es.events, es.streams, bench.raw_events"); return 0; });
            var rawScan = await Phase("raw scan", () => RawScanPhase.RunAsync(db));
            var catchUps = await Phase("catch-up", () => CatchUpPhase.RunAsync(db));
            var diagnostics = await Phase("where the time goes", () => WhereTimeGoes.RunAsync(db, options, bulk));
            diagnostics = [.. diagnostics, await Phase("bulk call breakdown", () => BulkCallBreakdown.RunAsync(store, calls: 10))];

            List<BenchResult> results =
            [
                rawCopy, .. single, bulk.ComparedWith(rawCopy, Goal), rawScan,
                .. catchUps.Select(c => c.ComparedWith(rawScan, Goal)),
            ];
            Console.WriteLine();
            Console.WriteLine(ResultReport.Table(results));
            Console.WriteLine("Where the time goes:");
            Console.WriteLine(ResultReport.Diagnostics(diagnostics));

            var path = await ResultReport.SaveAsync("eventstore", startedAt, new
            {
                Suite = "eventstore", StartedAt = startedAt, TotalSeconds = total.Elapsed.TotalSeconds, Database = db.Name,
                Options = new { options.Events, options.SingleEvents, EventStoreOptions.EventsPerStream, EventStoreOptions.StreamsPerBulkCall },
                Machine = machine, Results = results, Diagnostics = diagnostics,
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

    private static async Task<T> Phase<T>(string name, Func<Task<T>> run)
    {
        Console.Write($"  {name} ... ");
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        Console.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return result;
    }

    private static async Task<Dictionary<string, string>> MachineAsync(BenchDatabase db)
    {
        var facts = new Dictionary<string, string>
        {
            ["nproc"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["memory"] = $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB",
            ["postgres"] = await db.ScalarAsync("SHOW server_version"),
        };
        foreach (var setting in new[] { "shared_buffers", "synchronous_commit", "fsync", "wal_level", "max_wal_size", "work_mem" })
            facts[setting] = await db.ScalarAsync($"SHOW {setting}");
        return facts;
    }
}
