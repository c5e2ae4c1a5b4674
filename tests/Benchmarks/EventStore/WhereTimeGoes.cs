using System.Diagnostics;
using System.Globalization;
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

        // The subscriber's exact query shape, but as one pass: the gap to the catch-up is paging and the checkpoint commits.
        var (count, seconds) = await RawScanPhase.ScanAsync(db.DataSource,
            $"SELECT {RawScanPhase.Columns} FROM es.events ORDER BY tx_id, seq");
        found.Add(new Diagnostic("es.events one query ORDER BY tx_id, seq (no paging, metadata left as string)",
            $"{count / seconds:N0} rows/s ({count:N0} rows in {seconds:F2} s)"));

        var middle = await db.ScalarAsync(
            $"SELECT tx_id::text || '/' || seq FROM es.events ORDER BY tx_id, seq OFFSET {count / 2} LIMIT 1");
        var parts = middle.Split('/');
        var plan = await ExplainAsync(db, parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture));
        found.Add(new Diagnostic($"EXPLAIN (ANALYZE, BUFFERS) of the page query from the middle ({middle}), limit {EventStoreOptions.HeadlinePageSize}",
            "plan below", plan));

        found.Add(new Diagnostic("database sizes", await db.ScalarAsync("""
            SELECT string_agg(format('%s %s (indexes %s)', c, pg_size_pretty(pg_table_size(c)), pg_size_pretty(pg_indexes_size(c))), '; ')
            FROM unnest(ARRAY['es.events'::regclass, 'bench.raw_events'::regclass, 'es.streams'::regclass]) AS c
            """)));
        return found;
    }

    private static async Task<string> ExplainAsync(BenchDatabase db, string tx, long seq)
    {
        await using var command = db.DataSource.CreateCommand($"""
            EXPLAIN (ANALYZE, BUFFERS)
            SELECT {RawScanPhase.Columns} FROM es.events
            WHERE (tx_id, seq) > ('{tx}'::xid8, {seq})
              AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id, seq
            LIMIT {EventStoreOptions.HeadlinePageSize}
            """);
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
