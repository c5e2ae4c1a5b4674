using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The physical limit for writes: binary COPY of event-shaped rows into a table with the same
/// columns and keys as es.events, but no stream heads, no hash chain and no triggers.
/// </summary>
public static class RawCopyPhase
{
    public const string Table = "bench.raw_events";

    public const string CreateSql = $"""
        CREATE SCHEMA IF NOT EXISTS bench;
        CREATE TABLE {Table} (
            seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tx_id       xid8        NOT NULL DEFAULT pg_current_xact_id(),
            stream_id   text        NOT NULL,
            version     bigint      NOT NULL,
            event_type  text        NOT NULL,
            data        jsonb       NOT NULL,
            metadata    jsonb       NOT NULL,
            recorded_at timestamptz NOT NULL,
            event_id    uuid        NOT NULL UNIQUE,
            prev_hash   bytea       NOT NULL,
            hash        bytea       NOT NULL,
            UNIQUE (stream_id, version));
        CREATE INDEX raw_events_tx_seq ON {Table} (tx_id, seq);
        """;

    public sealed record Row(string StreamId, long Version, string Type, string Data, string Metadata,
        DateTimeOffset RecordedAt, Guid EventId, byte[] PreviousHash, byte[] Hash);

    public static async Task<BenchResult> RunAsync(BenchDatabase db, EventStoreOptions options)
    {
        await db.ExecuteAsync(CreateSql);
        var samples = new SampleEvents(seed: 1);
        var batchEvents = EventStoreOptions.StreamsPerBulkCall * EventStoreOptions.EventsPerStream;

        // Warm-up: JIT, connection pool, first extension of the table files; then start empty.
        await CopyBatchAsync(db.DataSource, Batch(samples, "warmup", 0, 200));
        await db.ExecuteAsync($"TRUNCATE {Table}");

        var timings = new Latencies();
        for (var first = 0L; first * EventStoreOptions.EventsPerStream < options.Events; first += EventStoreOptions.StreamsPerBulkCall)
        {
            var rows = Batch(samples, "raw", first, EventStoreOptions.StreamsPerBulkCall);
            await timings.TimeAsync(() => CopyBatchAsync(db.DataSource, rows));
        }
        return new BenchResult("1. raw COPY (no heads, no hash)", "rows", options.Events, timings.TotalSeconds)
        {
            Note = $"{timings.Calls} COPY transactions of {batchEvents:N0} rows; same keys as es.events minus its recorded_at index",
        };
    }

    /// <summary>Rows built outside the timed section: the baseline times the database, not the generator.</summary>
    public static List<Row> Batch(SampleEvents samples, string prefix, long firstStream, int streams)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = new List<Row>(streams * EventStoreOptions.EventsPerStream);
        for (var s = firstStream; s < firstStream + streams; s++)
        {
            var streamId = SampleEvents.StreamId(prefix, s);
            var previous = new byte[32];
            var version = 0;
            foreach (var e in samples.History(s))
            {
                var hash = samples.RandomHash();
                rows.Add(new Row(streamId, ++version, e.Type, e.Data, SampleEvents.MetadataJson(e.Metadata), now,
                    Guid.CreateVersion7(now), previous, hash));
                previous = hash;
            }
        }
        return rows;
    }

    public static async Task CopyBatchAsync(NpgsqlDataSource dataSource, IReadOnlyList<Row> rows, string table = Table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (stream_id, version, event_type, data, metadata, recorded_at, event_id, prev_hash, hash) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(r.StreamId, NpgsqlDbType.Text);
                await importer.WriteAsync(r.Version, NpgsqlDbType.Bigint);
                await importer.WriteAsync(r.Type, NpgsqlDbType.Text);
                await importer.WriteAsync(r.Data, NpgsqlDbType.Jsonb);
                await importer.WriteAsync(r.Metadata, NpgsqlDbType.Jsonb);
                await importer.WriteAsync(r.RecordedAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(r.EventId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(r.PreviousHash, NpgsqlDbType.Bytea);
                await importer.WriteAsync(r.Hash, NpgsqlDbType.Bytea);
            }
            await importer.CompleteAsync();
        }
        await transaction.CommitAsync();
    }
}
