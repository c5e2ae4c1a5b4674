using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Reporting;
using Npgsql;

namespace GovReport.Benchmarks.SideBySide;

/// <summary>The timing both sides share, so a row differs only in what each side does inside the clock.</summary>
public static class Phases
{
    /// <summary>A fresh database per side and round: empty tables, cold statistics, no leftovers of the other side.</summary>
    public static async Task<BenchDatabase> CreateDatabaseAsync(string connectionString, string side, int round)
    {
        var name = $"gr_vs_{side}_{DateTime.UtcNow:yyyyMMdd_HHmmss}_r{round}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new BenchDatabase(connectionString, name, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    /// <summary>One call per item, one after the other, each timed; the rate counts items per second of the timed calls.</summary>
    public static async Task<BenchResult> OneByOneAsync<T>(string name, IReadOnlyList<T> items, Func<T, Task> call)
    {
        var latencies = new Latencies();
        foreach (var item in items) await latencies.TimeAsync(() => call(item));
        return new BenchResult(name, "commands", items.Count, latencies.TotalSeconds)
        {
            P50Ms = latencies.Percentile(50), P95Ms = latencies.Percentile(95),
        };
    }

    /// <summary>
    /// The two per-command rows, the same sequence for both sides: the warm-ups, then every
    /// submission (a new stream each), then every approval (read + append at the version read).
    /// </summary>
    public static async Task<(BenchResult NewStream, BenchResult ReadAppend)> CommandRowsAsync(
        string side, Workload workload, Func<GovReport.Domain.Reports.ReportCommand, Task> execute)
    {
        foreach (var command in workload.WarmUps()) await execute(command);
        var submissions = workload.Submissions();
        var newStream = await StepAsync(side, "per command, new stream", () => OneByOneAsync("submit, new stream", submissions, execute));
        var approvals = workload.Approvals();
        var readAppend = await StepAsync(side, "per command, read + append", () => OneByOneAsync("approve, read + append", approvals, execute));
        return (newStream, readAppend);
    }

    /// <summary>Five warm-up queries, then <paramref name="count"/> timed ones on units picked with a fixed seed.</summary>
    public static async Task<BenchResult> QueriesAsync(string name, IReadOnlyList<string> units, int count, Func<string, Task<int>> query)
    {
        var random = new Random(7);
        for (var i = 0; i < 5; i++) await query(units[random.Next(units.Count)]);
        var latencies = new Latencies();
        long rows = 0;
        for (var i = 0; i < count; i++)
        {
            var unit = units[random.Next(units.Count)];
            rows += await latencies.TimeAsync(() => query(unit));
        }
        return new BenchResult(name, "queries", count, latencies.TotalSeconds)
        {
            P50Ms = latencies.Percentile(50), P95Ms = latencies.Percentile(95),
            Note = $"{rows / Math.Max(1, count)} rows each",
        };
    }

    public static async Task<T> StepAsync<T>(string side, string step, Func<Task<T>> run)
    {
        Console.Write($"    {side}: {step} ... ");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await run();
        Console.WriteLine($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return result;
    }
}
