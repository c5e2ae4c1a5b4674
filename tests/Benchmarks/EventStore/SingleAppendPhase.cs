using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The interactive path: one AppendAsync per report, one after the other, each its own commit.
/// New streams of a whole history first, then one-event appends onto those streams.
/// </summary>
public static class SingleAppendPhase
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(PgEventStore store, EventStoreOptions options)
    {
        var samples = new SampleEvents(seed: 2);
        for (var i = 0; i < 50; i++)
            await store.AppendAsync(SampleEvents.StreamId("warmup-single", i), ExpectedVersion.NoStream, samples.History(i));

        var streams = options.SingleEvents / EventStoreOptions.EventsPerStream;
        var newStreams = new Latencies();
        for (var s = 0; s < streams; s++)
        {
            var events = samples.History(s);
            await newStreams.TimeAsync(() => store.AppendAsync(SampleEvents.StreamId("single", s), ExpectedVersion.NoStream, events));
        }

        // One more event on each stream just written, as a later correction of a report would be.
        var oneEvent = new Latencies();
        for (var s = 0; s < streams; s++)
        {
            var e = samples.Event(s, EventStoreOptions.EventsPerStream + 1);
            await oneEvent.TimeAsync(() => store.AppendAsync(
                SampleEvents.StreamId("single", s), ExpectedVersion.Exactly(EventStoreOptions.EventsPerStream), [e]));
        }

        return
        [
            new BenchResult($"2a. AppendAsync new stream x{EventStoreOptions.EventsPerStream}", "events", options.SingleEvents, newStreams.TotalSeconds)
            {
                P50Ms = newStreams.Percentile(50), P95Ms = newStreams.Percentile(95),
                Note = $"{newStreams.Calls:N0} calls, latency per call; Marten 9 anchor: 1.7–1.9 k events/s",
            },
            new BenchResult("2b. AppendAsync 1 event to existing", "events", streams, oneEvent.TotalSeconds)
            {
                P50Ms = oneEvent.Percentile(50), P95Ms = oneEvent.Percentile(95),
                Note = "one commit per event: bounded by the WAL flush of each commit",
            },
        ];
    }
}
