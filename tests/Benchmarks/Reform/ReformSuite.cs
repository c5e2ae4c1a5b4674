using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Benchmarks.Reform;

/// <summary>
/// The 2025 reform at national scale: load a country with years of monthly reports, restructure
/// it from July 2025 (provinces merged, districts dissolved, communes merged into new ones), then
/// rebuild every read model against the raw catch-up baseline, as the national suite does, and
/// time the comparisons across the boundary for a new commune and a new province. Goals: rebuild
/// at half the raw catch-up rate or better; p95 under 10 ms for a commune, 100 ms for a province.
/// </summary>
public static class ReformSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReformOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var startedAt = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        var db = await BenchDatabase.CreateAsync(options.ConnectionString);
        var country = new ReformCountry(options);
        var reports = options.Communes * country.Months.Count(m => m < ReformCountry.Effective)
                      + country.NewCommunes.Count * country.Months.Count(m => m >= ReformCountry.Effective);
        Console.WriteLine($"reform benchmark: {options.Provinces} provinces / {options.Districts} districts / {options.Communes:N0} communes " +
                          $"into {options.NewProvinces} / {country.NewCommunes.Count:N0} from {ReformCountry.Effective}; {options.Indicators} indicators, " +
                          $"{options.Years} years of months ({reports:N0} reports), database {db.Name}");
        try
        {
            var store = new PgEventStore(db.DataSource, TimeProvider.System);
            await store.MigrateAsync();
            await ReadModelSchema.MigrateLiveAsync(db.DataSource);

            var load = await LoadAsync(store, country, options);
            await db.ExecuteAsync("VACUUM (ANALYZE) es.events, es.streams");
            var (catchUps, rebuilds) = (new List<BenchResult>(), new List<BenchResult>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                catchUps.Add(await NationalSuite.RawCatchUpAsync(db));
                rebuilds.Add(await NationalSuite.RebuildAsync(db));
            }
            var (catchUp, rebuild) = (NationalSuite.Median(catchUps), NationalSuite.Median(rebuilds));
            var queries = await ReformQueries.RunAsync(db, country, options);

            // As in the national suite: a small log is mostly the rebuild's fixed costs, so only the full size has a goal.
            var national = load.Count >= 20 * ReadModelRebuilder.DefaultPageSize;
            List<BenchResult> results = [load, catchUp, rebuild.ComparedWith(catchUp, national ? 0.5 : null), .. queries];
            Console.WriteLine();
            Console.WriteLine(ResultReport.Table(results));
            var path = await ResultReport.SaveAsync("reform", startedAt, new
            {
                Suite = "reform", StartedAt = startedAt, TotalSeconds = total.Elapsed.TotalSeconds, Database = db.Name,
                Options = new
                {
                    options.Provinces, options.Districts, options.Communes, options.NewProvinces, NewCommunes = country.NewCommunes.Count,
                    Effective = ReformCountry.Effective.ToString(), options.Indicators, options.Years, options.Queries, options.Rounds,
                },
                Results = results,
            });
            Console.WriteLine($"Results written to {path}");
            return results.Any(r => r.GoalMet == false) || queries.Any(q => q.Note?.Contains("NOT met") == true) ? 1 : 0;
        }
        finally
        {
            if (options.Keep) Console.WriteLine($"Kept database {db.Name}.");
            else await db.DropAsync();
            Console.WriteLine($"Total {total.Elapsed.TotalSeconds:F0} s.");
        }
    }

    /// <summary>In the order history wrote it: the old country and its reports, the reform, then the new communes' reports.</summary>
    private static async Task<BenchResult> LoadAsync(PgEventStore store, ReformCountry country, ReformOptions options)
    {
        Console.Write("  loading ... ");
        var clock = Stopwatch.StartNew();
        long events = await store.AppendManyAsync(country.Catalogue().ToList());
        foreach (var chunk in country.Reports(beforeReform: true).Chunk(1_000)) events += await store.AppendManyAsync(chunk);
        events += await store.AppendManyAsync(country.Reform().ToList());
        foreach (var chunk in country.Reports(beforeReform: false).Chunk(1_000)) events += await store.AppendManyAsync(chunk);
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
        return new BenchResult($"load (bulk append, {options.Indicators} figures per report, restructurings judged by the decider)", "events", events, clock.Elapsed.TotalSeconds);
    }
}
