using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Benchmarks.National;

/// <summary>
/// What the suites that drive a host over HTTP (pages, dhis2) do first: the national country
/// bulk-appended into a fresh database and its read models rebuilt, with the two times printed.
/// </summary>
public static class CountryLoad
{
    public static async Task LoadAndRebuildAsync(BenchDatabase db, Country country)
    {
        var store = new PgEventStore(db.DataSource, TimeProvider.System);
        await store.MigrateAsync();
        await ReadModelSchema.MigrateLiveAsync(db.DataSource);
        Console.Write("  loading ... ");
        var clock = Stopwatch.StartNew();
        await store.AppendManyAsync(country.Catalogue().ToList());
        foreach (var chunk in country.Reports().Chunk(1_000)) await store.AppendManyAsync(chunk);
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
        Console.Write("  rebuilding read models ... ");
        var rebuilt = await new ReadModelRebuilder(db.DataSource).RebuildLiveAsync(null, CancellationToken.None);
        Console.WriteLine($"{rebuilt.Elapsed.TotalSeconds:F1} s");
    }
}
