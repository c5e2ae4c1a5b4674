using System.Diagnostics;
using System.Runtime.ExceptionServices;
using GovReport.EventStore.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace GovReport.EventStore;

public sealed partial class PgEventStore
{
    /// <summary>
    /// Appends to many streams in one transaction, for imports and seeding: all or nothing. Heads
    /// are locked in stream order (so two bulk appends cannot deadlock) unless every stream is new,
    /// and the events go in by binary COPY. A stream created concurrently trips
    /// UNIQUE(stream_id, version) or the heads' key, and the whole batch is refused with a
    /// concurrency error.
    /// </summary>
    public Task<long> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        foreach (var append in appends)
            foreach (var e in append.Events) e.Validate();
        return AppendManyCoreAsync(appends.Select(a => new StreamAppend<NewEvent>(a.StreamId, a.Expected, a.Events)).ToList(), e => e, ct);
    }

    /// <summary>
    /// As above, from events the caller has not encoded yet: encoding is most of a bulk load's
    /// client work after hashing, so it happens with the hashing, on every core, a slice ahead of
    /// the COPY. An event the encoder gets wrong fails the whole batch.
    /// </summary>
    public Task<long> AppendManyAsync<T>(IReadOnlyList<StreamAppend<T>> appends, Func<T, NewEvent> encode, CancellationToken ct = default) =>
        AppendManyCoreAsync(appends, e =>
        {
            var encoded = encode(e);
            encoded.Validate();
            return encoded;
        }, ct);

    private async Task<long> AppendManyCoreAsync<T>(IReadOnlyList<StreamAppend<T>> appends, Func<T, NewEvent> encode, CancellationToken ct)
    {
        if (appends.Count == 0) return 0;
        if (appends.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).Count() != appends.Count)
            throw new ArgumentException("Each stream may appear once in a bulk append.", nameof(appends));
        foreach (var append in appends)
        {
            ValidateStreamId(append.StreamId);
            if (append.Events.Count == 0) throw new ArgumentException($"Stream '{append.StreamId}' has no events to append.", nameof(appends));
        }

        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.append_many");
        activity?.SetTag("govreport.streams", appends.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // New streams have no heads to lock or read: their keys refuse anyone who creates one first.
            var allNew = appends.All(a => !a.Expected.IsAny && a.Expected.Value == 0);
            var heads = allNew
                ? new Dictionary<string, StreamHead>(StringComparer.Ordinal)
                : await LockHeadsAsync(connection, transaction, appends.Select(a => a.StreamId).ToArray(), ct);
            var now = Now();
            foreach (var append in appends)
            {
                var actual = heads.GetValueOrDefault(append.StreamId)?.Version ?? 0;
                if (!append.Expected.Accepts(actual)) throw Conflict(append.StreamId, append.Expected, actual);
            }
            // Encoding and hashing are most of the client's work and each stream's chain is
            // independent: use every core, a slice at a time, and prepare the next slice while the
            // database takes this one.
            var chains = new List<PendingEvent>[appends.Count];
            void ChainSlice(int from, int to)
            {
                try
                {
                    Parallel.For(from, to, i =>
                    {
                        var head = heads.GetValueOrDefault(appends[i].StreamId);
                        var events = appends[i].Events.Select(encode).ToList();
                        chains[i] = Chain(appends[i].StreamId, head?.Version ?? 0, head?.Hash ?? EventHash.Genesis, events, now);
                    });
                }
                catch (AggregateException e)
                {
                    // The caller sees what went wrong (a badly encoded event), not the loop's wrapper.
                    ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }
            var slice = Math.Max(64, appends.Count / 8);
            ChainSlice(0, Math.Min(slice, appends.Count));
            await using (var importer = await BeginCopyAsync(connection, ct))
            {
                for (var from = 0; from < appends.Count; from += slice)
                {
                    var (nextFrom, nextTo) = (from + slice, Math.Min(from + 2 * slice, appends.Count));
                    var next = nextFrom < appends.Count ? Task.Run(() => ChainSlice(nextFrom, nextTo), ct) : Task.CompletedTask;
                    for (var i = from; i < nextFrom && i < appends.Count; i++) await WriteRowsAsync(importer, chains[i], ct);
                    await next;
                }
                await importer.CompleteAsync(ct);
            }
            var pending = chains.SelectMany(c => c).ToList();
            var lastOfEach = chains.Select(c => c[^1]).ToList();
            await UpsertHeadsAsync(connection, transaction, lastOfEach, onlyNew: allNew, ct);
            await transaction.CommitAsync(ct);

            EventStoreTelemetry.EventsAppended.Add(pending.Count);
            activity?.SetTag("govreport.events", pending.Count);
            return pending.Count;
        }
        catch (PostgresException e) when (IsStreamRace(e))
        {
            throw Conflict(StreamOf(e) ?? appends[0].StreamId, ExpectedVersion.NoStream, null);
        }
        finally
        {
            EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string? StreamOf(PostgresException e)
    {
        // Detail reads: Key (stream_id, version)=(some-stream, 1) already exists.
        var detail = e.Detail;
        var open = detail?.IndexOf(")=(", StringComparison.Ordinal) ?? -1;
        if (detail is null || open < 0) return null;
        var start = open + 3;
        var comma = detail.LastIndexOf(", ", StringComparison.Ordinal);
        return comma > start ? detail[start..comma] : null;
    }

    private static async Task<Dictionary<string, StreamHead>> LockHeadsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] streamIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT stream_id, version, head_hash FROM es.streams WHERE stream_id = ANY(@streams) ORDER BY stream_id FOR UPDATE",
            connection, transaction);
        command.Parameters.AddWithValue("streams", streamIds);
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            heads[reader.GetString(0)] = new StreamHead(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        return heads;
    }

    private static Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.BeginBinaryImportAsync(
            "COPY es.events (stream_id, version, event_type, data, metadata, recorded_at, event_id, prev_hash, hash, hash_version) FROM STDIN (FORMAT BINARY)", ct);

    private static async Task WriteRowsAsync(NpgsqlBinaryImporter importer, IReadOnlyList<PendingEvent> pending, CancellationToken ct)
    {
        foreach (var p in pending)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(p.StreamId, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(p.Version, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(p.Type, NpgsqlDbType.Text, ct);
            await importer.WriteAsync(p.Data, NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(p.Metadata, NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(p.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(p.EventId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(p.PreviousHash, NpgsqlDbType.Bytea, ct);
            await importer.WriteAsync(p.Hash, NpgsqlDbType.Bytea, ct);
            await importer.WriteAsync(EventHash.CurrentVersion, NpgsqlDbType.Smallint, ct);
        }
    }
}
