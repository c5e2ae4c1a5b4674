using System.Diagnostics;
using GovReport.EventStore;
using GovReport.Host.Features.Seed;
using GovReport.Host.Infrastructure.Storage;

namespace GovReport.Host.Infrastructure.Cli;

/// <summary>
/// <c>seed</c>: brings the schema up to date and loads the demo data without serving. Safe to run
/// before every start: what is already there is left as it is.
/// </summary>
public static class SeedVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        // A thousand appends would bury the summary under Npgsql's per-command log lines; the caller's own args still win.
        await using var app = GovReportApp.Build(["--Logging:LogLevel:Npgsql=Warning", .. args]);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var clock = Stopwatch.StartNew();
        await MigrationService.MigrateAsync(app.Services, cancel.Token);
        var result = await DemoSeed.RunAsync(app.Services, cancel.Token);
        Console.WriteLine($"{result} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
