using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Benchmarks.Reform;

/// <summary>
/// Comparisons across the reform's boundary in August 2025: a ytd whose January–June are the
/// predecessors' and the month against the predecessors' August 2024, for a new commune (three
/// predecessors) and a province that absorbed another. Each row must carry last year's figure.
/// </summary>
public static class ReformQueries
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchDatabase db, ReformCountry country, ReformOptions options)
    {
        Console.Write("  queries ... ");
        var query = new PerformanceQuery(db.DataSource, new CatalogueReader(db.DataSource));
        var month = ReformCountry.Effective.AddMonths(1);
        var random = new Random(7);
        var communes = country.NewCommunes.Select(n => n.Commune).ToList();
        var provinces = country.MergedProvinces;

        async Task<BenchResult> Measure(string name, IReadOnlyList<string> units, PerformanceView view, double goalMs)
        {
            string Pick() => units[random.Next(units.Count)];
            // Warmed up with as many answers as are timed: the query path runs first here, and for
            // its first hundreds of answers the JIT's tiers (unoptimised, then instrumented code,
            // recompiled in the background on the same two cores) made the first row measured, the
            // new commune's ytd, twice as slow at p95 as the same answers later (issue 12).
            for (var i = 0; i < options.Queries; i++) await query.RunAsync(UnitId.Parse(Pick()), month, view, null, null);
            var latencies = new Latencies();
            long rows = 0, withLastYear = 0;
            var (collections, allocated) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes(true));
            for (var i = 0; i < options.Queries; i++)
            {
                var report = await latencies.TimeAsync(() => query.RunAsync(UnitId.Parse(Pick()), month, view, null, null));
                rows += report.Rows.Count;
                withLastYear += report.Rows.Count(r => r.SamePeriodLastYear is not null);
            }
            if (withLastYear == 0) throw new InvalidOperationException($"{name}: no row had last year's figure; the lineage did not reach the predecessors.");
            var p95 = latencies.Percentile(95);
            return new BenchResult(name, "queries", options.Queries, latencies.TotalSeconds)
            {
                P50Ms = latencies.Percentile(50), P95Ms = p95,
                Note = $"{rows / Math.Max(1, options.Queries)} rows each, {100.0 * withLastYear / Math.Max(1, rows):F0} % with last year; " +
                       $"{(GC.GetTotalAllocatedBytes(true) - allocated) / 1024 / Math.Max(1, options.Queries):N0} KB allocated per answer, " +
                       $"{GC.CollectionCount(0) - collections} collections; " +
                       $"goal p95 < {goalMs} ms: {(p95 < goalMs ? "met" : "NOT met")}",
            };
        }

        List<BenchResult> results =
        [
            await Measure($"ytd {month} across the boundary, one new commune", communes, PerformanceView.Ytd, 10),
            await Measure($"month {month} against the same month last year, one new commune", communes, PerformanceView.Month, 10),
            await Measure($"ytd {month} across the boundary, one merged province", provinces, PerformanceView.Ytd, 100),
            await Measure($"month {month} against the same month last year, one merged province", provinces, PerformanceView.Month, 100),
        ];
        Console.WriteLine("done");
        return results;
    }
}
