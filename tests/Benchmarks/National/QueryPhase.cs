using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Benchmarks.National;

/// <summary>Latency of the comparisons a briefing asks for, live and as of an instant, after a warm-up.</summary>
public static class QueryPhase
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchDatabase db, Country country, NationalOptions options)
    {
        Console.Write("  queries ... ");
        var query = new PerformanceQuery(db.DataSource, new CatalogueReader(db.DataSource));
        var lastMonth = country.Months[^1].AddMonths(-4); // August of the last year: a ytd of eight months
        var random = new Random(7);
        var asOf = DateTimeOffset.UtcNow;
        var results = new List<BenchResult>();

        async Task<BenchResult> Measure(string name, Func<string> pick, int count, DateTimeOffset? at, double goalMs)
        {
            for (var i = 0; i < 5; i++) await query.RunAsync(UnitId.Parse(pick()), lastMonth, PerformanceView.Ytd, at, null);
            var latencies = new Latencies();
            long rows = 0;
            for (var i = 0; i < count; i++)
            {
                var report = await latencies.TimeAsync(() => query.RunAsync(UnitId.Parse(pick()), lastMonth, PerformanceView.Ytd, at, null));
                rows += report.Rows.Count;
            }
            var p95 = latencies.Percentile(95);
            return new BenchResult(name, "queries", count, latencies.TotalSeconds)
            {
                P50Ms = latencies.Percentile(50), P95Ms = p95,
                Note = $"{rows / Math.Max(1, count)} rows each; goal p95 < {goalMs} ms: {(p95 < goalMs ? "met" : "NOT met")}",
            };
        }

        results.Add(await Measure("ytd, one commune (live)", () => country.Communes[random.Next(country.Communes.Count)].Commune, options.Queries, null, 10));
        results.Add(await Measure("ytd, one province (live)", () => country.Provinces[random.Next(country.Provinces.Count)], options.Queries, null, 100));
        results.Add(await Measure("ytd, the whole country (live)", () => Country.Root, Math.Min(50, options.Queries), null, 100));
        results.Add(await Measure("ytd as of an instant, one commune", () => country.Communes[random.Next(country.Communes.Count)].Commune, options.Queries, asOf, 10));
        results.Add(await Measure("ytd as of an instant, one province", () => country.Provinces[random.Next(country.Provinces.Count)], Math.Min(50, options.Queries), asOf, 1000));
        Console.WriteLine("done");
        return results;
    }
}
