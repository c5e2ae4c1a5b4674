using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;
using GovReport.EventStore.Integrity;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// Splits the store's phases into their parts, timed on their own, so a gap to a baseline can be
/// pinned on hashing, JSON, the page query or the mapping rather than guessed at.
/// </summary>
public static class WhereTimeGoes
{
    private static readonly JsonSerializerOptions MetadataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(BenchDatabase db, EventStoreOptions options, BenchResult bulk)
    {
        var found = new List<Diagnostic>();
        var samples = new SampleEvents(seed: 3);
        var events = Enumerable.Range(0, Math.Min(options.Events, 100_000) / EventStoreOptions.EventsPerStream)
            .SelectMany(s => samples.History(s)).ToList();
        var now = DateTimeOffset.UtcNow;
        var metadataJson = events.Select(e => SampleEvents.MetadataJson(e.Metadata)).ToList();

        Time(events.Count, () => { foreach (var e in events) CanonicalJson.ToUtf8(e.Data); }, out var canonicalUs);
        Time(events.Count, () =>
        {
            var previous = EventHash.Genesis;
            for (var i = 0; i < events.Count; i++)
                previous = EventHash.Compute(previous, "bench-stream", i + 1, events[i].Type, Guid.Empty, now, events[i].Data, metadataJson[i]);
        }, out var hashUs);
        Time(events.Count, () => { foreach (var e in events) JsonSerializer.Serialize(e.Metadata, MetadataOptions); }, out var serializeUs);
        Time(events.Count, () => { foreach (var m in metadataJson) JsonSerializer.Deserialize<EventMetadata>(m, MetadataOptions); }, out var deserializeUs);

        var bulkUs = bulk.Seconds * 1e6 / bulk.Count;
        found.Add(new Diagnostic("hash chain, EventHash.Compute (1 thread)", $"{hashUs:F2} µs/event = {1e6 / hashUs:N0} events/s",
            $"{hashUs / bulkUs:P0} of the bulk append's {bulkUs:F2} µs/event; of which CanonicalJson of the body {canonicalUs:F2} µs"));
        found.Add(new Diagnostic("metadata JSON serialize (append)", $"{serializeUs:F2} µs/event"));
        found.Add(new Diagnostic("metadata JSON deserialize (every read)", $"{deserializeUs:F2} µs/event"));

        // The subscriber's columns as one pass: the gap to the catch-up is paging and the checkpoint commits.
        var (count, seconds) = await RawScanPhase.ScanAsync(db.DataSource,
            $"SELECT {RawScanPhase.Columns} FROM es.events ORDER BY events.tx_id, events.seq");
        found.Add(new Diagnostic("es.events as one query ORDER BY events.tx_id, events.seq (no paging)",
            $"{count / seconds:N0} rows/s ({count:N0} rows in {seconds:F2} s)"));

        var middle = await db.ScalarAsync(
            $"SELECT format('%L::xid8, %s', tx_id, seq) FROM es.events ORDER BY events.tx_id, events.seq OFFSET {count / 2} LIMIT 1");
        var limit = EventStoreOptions.HeadlinePageSize;
        found.Add(new Diagnostic($"EXPLAIN ANALYZE, the subscriber's page query from the middle ({middle}), limit {limit:N0}",
            "plan below", await ExplainAsync(db, SuggestedPageQuery.Sql(middle, limit))));

        found.Add(await RecordedAtIndexCostAsync(db, options));
        found.Add(new Diagnostic("database sizes", await db.ScalarAsync("""
            SELECT string_agg(format('%s %s (indexes %s)', c, pg_size_pretty(pg_table_size(c)), pg_size_pretty(pg_indexes_size(c))), '; ')
            FROM unnest(ARRAY['es.events'::regclass, 'bench.raw_events'::regclass, 'es.streams'::regclass]) AS c
            """)));
        return found;
    }

    /// <summary>es.events has one index more than the raw table: what does it cost a COPY?</summary>
    private static async Task<Diagnostic> RecordedAtIndexCostAsync(BenchDatabase db, EventStoreOptions options)
    {
        await db.ExecuteAsync($"""
            CREATE TABLE bench.twin_plain (LIKE {RawCopyPhase.Table} INCLUDING ALL);
            CREATE TABLE bench.twin_indexed (LIKE {RawCopyPhase.Table} INCLUDING ALL);
            CREATE INDEX ON bench.twin_indexed (recorded_at);
            """);
        var samples = new SampleEvents(seed: 4);
        var streams = Math.Min(options.Events, 200_000) / EventStoreOptions.EventsPerStream;
        double plain = 0, indexed = 0;
        for (var first = 0; first < streams; first += EventStoreOptions.StreamsPerBulkCall)
        {
            var rows = RawCopyPhase.Batch(samples, "twin", first, EventStoreOptions.StreamsPerBulkCall);
            var started = Stopwatch.GetTimestamp();
            await RawCopyPhase.CopyBatchAsync(db.DataSource, rows, "bench.twin_plain");
            plain += Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            await RawCopyPhase.CopyBatchAsync(db.DataSource, rows, "bench.twin_indexed");
            indexed += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        await db.ExecuteAsync("DROP TABLE bench.twin_plain, bench.twin_indexed");
        var rowsCopied = streams * EventStoreOptions.EventsPerStream;
        return new Diagnostic($"raw COPY of {rowsCopied:N0} rows without / with es.events' recorded_at index",
            $"{rowsCopied / plain:N0} vs {rowsCopied / indexed:N0} rows/s ({(indexed - plain) * 1e6 / rowsCopied:F2} µs/row more)");
    }

    private static async Task<string> ExplainAsync(BenchDatabase db, string query)
    {
        await using var command = db.DataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + query);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }

    private static void Time(int count, Action work, out double microsecondsEach)
    {
        work(); // warm-up: JIT and caches
        var started = Stopwatch.GetTimestamp();
        work();
        microsecondsEach = Stopwatch.GetElapsedTime(started).TotalMicroseconds / count;
    }
}
