using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Benchmarks.National;

/// <summary>
/// The reporting read side at national scale: load a generated country, replay it raw (the
/// baseline), rebuild every read model from it, then time the comparisons a briefing asks for.
/// Goals: rebuild at half the raw catch-up rate or better; a commune's ytd under 10 ms and a
/// province's under 100 ms at p95. Rebuild runs as the host runs it, under the server GC.
/// </summary>
public static class NationalSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = NationalOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var startedAt = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        var db = options.Reuse is { } kept ? BenchDatabase.Existing(options.ConnectionString, kept) : await BenchDatabase.CreateAsync(options.ConnectionString);
        var country = new Country(options);
        Console.WriteLine($"national benchmark: {options.Provinces} provinces, {options.Communes:N0} communes, {options.Indicators} indicators, " +
                          $"{options.Years} years of months ({options.Communes * options.Years * 12:N0} reports), database {db.Name}");
        try
        {
            var store = new PgEventStore(db.DataSource, TimeProvider.System);
            await store.MigrateAsync();
            await ReadModelSchema.MigrateLiveAsync(db.DataSource);

            var load = options.Reuse is null ? await LoadAsync(store, country) : await CountAsync(db);
            await db.ExecuteAsync("VACUUM (ANALYZE) es.events, es.streams");
            // The machine's speed wanders by a fifth from minute to minute: baseline and rebuild
            // take turns, and each is the median of its rounds.
            var (catchUps, rebuilds) = (new List<BenchResult>(), new List<BenchResult>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                catchUps.Add(await RawCatchUpAsync(db));
                rebuilds.Add(await RebuildAsync(db));
            }
            var (catchUp, rebuild) = (Median(catchUps), Median(rebuilds));
            var queries = await QueryPhase.RunAsync(db, country, options);

            // The goal is set for national scale: a log of a few pages is mostly the twin's fixed
            // costs (creating, analysing and swapping its schema), so a --quick run only reports the ratio.
            var national = load.Count >= 20 * ReadModelRebuilder.DefaultPageSize;
            List<BenchResult> results = [load, catchUp, rebuild.ComparedWith(catchUp, national ? 0.5 : null), .. queries];
            Console.WriteLine();
            Console.WriteLine(ResultReport.Table(results));
            var path = await ResultReport.SaveAsync("national", startedAt, new
            {
                Suite = "national", StartedAt = startedAt, TotalSeconds = total.Elapsed.TotalSeconds, Database = db.Name,
                Options = new { options.Provinces, options.Communes, options.Indicators, options.Years, options.Queries, options.Rounds, options.Reuse },
                Results = results,
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

    private static async Task<BenchResult> LoadAsync(PgEventStore store, Country country)
    {
        Console.Write("  loading ... ");
        var clock = Stopwatch.StartNew();
        long events = await store.AppendManyAsync(country.Catalogue().ToList());
        foreach (var chunk in country.Reports().Chunk(1_000)) events += await store.AppendManyAsync(chunk);
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
        return new BenchResult("load (bulk append, ~100 figures per report)", "events", events, clock.Elapsed.TotalSeconds);
    }

    private static async Task<BenchResult> CountAsync(BenchDatabase db)
    {
        var events = long.Parse(await db.ScalarAsync("SELECT count(*) FROM es.events"), System.Globalization.CultureInfo.InvariantCulture);
        return new BenchResult("load: skipped, reusing a kept database", "events", events, 0);
    }

    internal static BenchResult Median(List<BenchResult> rounds)
    {
        var median = rounds.OrderBy(r => r.Seconds).ElementAt(rounds.Count / 2);
        return rounds.Count == 1 ? median : median with
        {
            Name = $"{median.Name}, median of {rounds.Count}",
            Note = $"rounds: {string.Join(", ", rounds.Select(r => $"{r.Seconds:F2} s"))}",
        };
    }

    internal static async Task<BenchResult> RawCatchUpAsync(BenchDatabase db)
    {
        Console.Write("  raw catch-up ... ");
        var reader = new EventSubscription(db.DataSource);
        var cpu = new CpuClock();
        var clock = Stopwatch.StartNew();
        long events = 0;
        var position = SubscriptionPosition.Start;
        while (true)
        {
            var page = await reader.ReadPageAsync(position, ReadModelRebuilder.DefaultPageSize);
            if (page.Count == 0) break;
            events += page.Count;
            position = page[^1].Position;
        }
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s ({cpu.Describe()})");
        return new BenchResult($"raw catch-up (pages of {ReadModelRebuilder.DefaultPageSize:N0}, no handler)", "events", events, clock.Elapsed.TotalSeconds);
    }

    internal static async Task<BenchResult> RebuildAsync(BenchDatabase db)
    {
        Console.Write("  rebuild ... ");
        var cpu = new CpuClock();
        var result = await new ReadModelRebuilder(db.DataSource).RebuildLiveAsync(null, CancellationToken.None);
        Console.WriteLine($"{result.Elapsed.TotalSeconds:F1} s ({cpu.Describe()})");
        return new BenchResult("rebuild every read model and swap in", "events", result.Events, result.Elapsed.TotalSeconds);
    }
}
