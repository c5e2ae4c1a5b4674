using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>The import path: AppendManyAsync of many new streams per call, N events in all.</summary>
public static class BulkAppendPhase
{
    public static async Task<BenchResult> RunAsync(PgEventStore store, EventStoreOptions options)
    {
        var samples = new SampleEvents(seed: 1);
        await store.AppendManyAsync(Batch(samples, "warmup-bulk", 0, 200));

        var timings = new Latencies();
        long appended = 0;
        for (var first = 0L; first * EventStoreOptions.EventsPerStream < options.Events; first += EventStoreOptions.StreamsPerBulkCall)
        {
            var batch = Batch(samples, "bulk", first, EventStoreOptions.StreamsPerBulkCall);
            appended += await timings.TimeAsync(() => store.AppendManyAsync(batch));
        }
        return new BenchResult("3. AppendManyAsync (bulk)", "events", appended, timings.TotalSeconds)
        {
            P50Ms = timings.Percentile(50), P95Ms = timings.Percentile(95),
            Note = $"{timings.Calls} calls of {EventStoreOptions.StreamsPerBulkCall:N0} streams x {EventStoreOptions.EventsPerStream} events; latency per call",
        };
    }

    /// <summary>Events built outside the timed section; the store's own work (hashing, metadata JSON) is timed.</summary>
    public static List<StreamAppend> Batch(SampleEvents samples, string prefix, long firstStream, int streams)
    {
        var batch = new List<StreamAppend>(streams);
        for (var s = firstStream; s < firstStream + streams; s++)
            batch.Add(new StreamAppend(SampleEvents.StreamId(prefix, s), ExpectedVersion.NoStream, samples.History(s)));
        return batch;
    }
}
