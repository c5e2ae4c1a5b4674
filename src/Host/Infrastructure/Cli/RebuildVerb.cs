using GovReport.EventStore;
using GovReport.Projections.Rebuild;
using GovReport.Host.Infrastructure.Storage;

namespace GovReport.Host.Infrastructure.Cli;

/// <summary>
/// <c>rebuild</c>: replays the whole log into fresh read models and swaps them in for the live
/// ones, printing progress to stderr and the result to stdout. Safe while hosts serve.
/// </summary>
public static class RebuildVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = GovReportApp.Build(args);
        var store = app.Services.GetRequiredService<PgEventStore>();
        await MigrationService.MigrateAsync(app.Services, CancellationToken.None);
        var progress = new Progress<long>(n => Console.Error.Write($"\rreplayed {n:N0} events"));
        var result = await new ReadModelRebuilder(store.DataSource).RebuildLiveAsync(progress, CancellationToken.None);
        Console.Error.WriteLine();
        Console.WriteLine($"Rebuilt the read models from {result.Events:N0} events in {result.Elapsed.TotalSeconds:F1} s ({result.EventsPerSecond:N0} events/s).");
        return 0;
    }
}
