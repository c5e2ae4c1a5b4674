using System.Collections.Concurrent;
using System.Diagnostics;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// Splits AppendManyAsync calls into the time spent in each database command (Npgsql's own
/// tracing) and the rest, which is client work: validation, chaining and hashing.
/// </summary>
public static class BulkCallBreakdown
{
    public static async Task<Diagnostic> RunAsync(PgEventStore store, int calls)
    {
        var byCommand = new ConcurrentDictionary<string, double>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => byCommand.AddOrUpdate(Label(a), a.Duration.TotalMilliseconds, (_, t) => t + a.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(listener);

        var samples = new SampleEvents(seed: 5);
        double total = 0;
        for (var c = 0; c < calls; c++)
        {
            var batch = BulkAppendPhase.Batch(samples, "breakdown", (long)c * EventStoreOptions.StreamsPerBulkCall, EventStoreOptions.StreamsPerBulkCall);
            var started = Stopwatch.GetTimestamp();
            await store.AppendManyAsync(batch);
            total += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        listener.Dispose();

        var inCommands = byCommand.Values.Sum();
        var lines = byCommand.OrderByDescending(kv => kv.Value)
            .Select(kv => $"{kv.Value / calls,8:F1} ms  {kv.Key}")
            .Append($"{(total - inCommands) / calls,8:F1} ms  outside any command (client: validate, chain, hash; COPY rows are written inside the COPY span)");
        return new Diagnostic($"AppendManyAsync per call of {EventStoreOptions.StreamsPerBulkCall * EventStoreOptions.EventsPerStream:N0} events, by Npgsql span",
            $"{total / calls:F1} ms per call", string.Join('\n', lines));
    }

    private static string Label(Activity a)
    {
        var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName;
        text = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 90 ? text[..90] + "…" : text;
    }
}
