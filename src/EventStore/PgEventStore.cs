using System.Diagnostics;
using GovReport.EventStore.Integrity;
using GovReport.EventStore.Schema;
using Npgsql;
using NpgsqlTypes;

namespace GovReport.EventStore;

/// <summary>
/// The event log on PostgreSQL. Every append is one short transaction on one stream: move the
/// stream head from the version the events chain to, insert them, notify — one round trip, with
/// the head row as the guard against a concurrent writer. The inline read models follow in the
/// same transaction; their writes happen after the head row is taken (see ReadModelRebuilder).
/// </summary>
public sealed partial class PgEventStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public Task MigrateAsync(CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(DataSource, EventStoreSchema.Component, EventStoreSchema.Migrations, ct);

    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default) =>
        AppendAsync(streamId, expected, events, inline: null, ct);

    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, InlineProjection? inline,
        CancellationToken ct = default) =>
        AppendCoreAsync(streamId, expected, known: null, earlier: null, events, inline, ct);

    /// <summary>
    /// Appends right after the events a command read: chained to the head it read, so the head
    /// need not be locked and read again. If anyone appended since, the append is refused.
    /// </summary>
    public Task<AppendResult> AppendAsync(
        StreamSnapshot read, IReadOnlyList<NewEvent> events, InlineProjection? inline, CancellationToken ct = default) =>
        AppendAsync(read, events, inline, statements: null, ct);

    /// <summary>
    /// As above; when <paramref name="statements"/> can express the read-model work, the head
    /// move, the insert, the notify and those writes go as one batch in one round trip, without
    /// an explicit transaction: PostgreSQL runs a batch as one implicit transaction, and a moved
    /// head raises (es.append_events) so nothing of it stays.
    /// </summary>
    public Task<AppendResult> AppendAsync(
        StreamSnapshot read, IReadOnlyList<NewEvent> events, InlineProjection? inline, InlineStatements? statements,
        CancellationToken ct = default) =>
        AppendCoreAsync(read.StreamId, ExpectedVersion.Exactly(read.Version), new StreamHead(read.Version, read.HeadHash),
            read.Events, events, inline, ct, statements);

    private async Task<AppendResult> AppendCoreAsync(
        string streamId, ExpectedVersion expected, StreamHead? known, IReadOnlyList<RecordedEvent>? earlier,
        IReadOnlyList<NewEvent> events, InlineProjection? inline, CancellationToken ct, InlineStatements? statements = null)
    {
        ValidateStreamId(streamId);
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        foreach (var e in events) e.Validate();

        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.append");
        activity?.SetTag("govreport.stream", streamId);
        activity?.SetTag("govreport.events", events.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A head the writer already knows (a new stream's, or one just read) is checked by the
            // write itself; only "any version" has to lock the head to learn where to chain.
            var head = known ?? (expected.IsAny ? null : expected.Value == 0 ? NewStreamHead : null);
            // The write succeeds only from the head the history ended at, so it is the whole history.
            if (ReferenceEquals(head, NewStreamHead)) earlier = [];
            if (head is not null && earlier is not null && statements is not null)
            {
                var chained = Chain(streamId, head.Version, head.Hash, events, Now());
                var readModelWrites = new List<NpgsqlBatchCommand>();
                if (statements(Unpositioned(chained), earlier, readModelWrites))
                {
                    var written = await WriteBatchedAsync(head, chained, readModelWrites, ct);
                    EventStoreTelemetry.EventsAppended.Add(events.Count);
                    return new AppendResult(chained[^1].Version, written);
                }
            }

            await using var connection = await DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (head is null)
            {
                head = await LockHeadAsync(connection, transaction, streamId, ct) ?? NewStreamHead;
                if (!expected.Accepts(head.Version)) throw Conflict(streamId, expected, head.Version);
            }

            var pending = Chain(streamId, head.Version, head.Hash, events, Now());
            var recorded = await WriteAsync(connection, transaction, head, pending, ct);
            if (inline is not null) await inline(connection, transaction, recorded, earlier, ct);
            await transaction.CommitAsync(ct);

            EventStoreTelemetry.EventsAppended.Add(events.Count);
            return new AppendResult(pending[^1].Version, recorded);
        }
        catch (PostgresException e) when (IsStreamRace(e))
        {
            // A concurrent writer created the stream (or took the version) first, or moved its head.
            throw Conflict(streamId, expected, null);
        }
        finally
        {
            EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The stream's events with the head an append chains to: what a command reads before deciding.</summary>
    public async Task<StreamSnapshot> ReadForAppendAsync(string streamId, CancellationToken ct = default)
    {
        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.read_stream");
        activity?.SetTag("govreport.stream", streamId);
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ReadStatement(streamId));
        // Every command reads this way: prepared once per pooled connection, not planned per call.
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadSnapshotAsync(reader, streamId, ct);
    }

    /// <summary>The stream's events, optionally only up to a version or as recorded up to an instant.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, long? toVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.read_stream");
        activity?.SetTag("govreport.stream", streamId);
        await using var command = DataSource.CreateCommand(
            $"SELECT {EventRows.Columns} FROM es.events WHERE stream_id = @stream" +
            (toVersion is null ? "" : " AND version <= @to") +
            (asOf is null ? "" : " AND recorded_at <= @asOf") +
            " ORDER BY version");
        command.Parameters.AddWithValue("stream", streamId);
        if (toVersion is not null) command.Parameters.AddWithValue("to", toVersion.Value);
        if (asOf is not null) command.Parameters.AddWithValue("asOf", asOf.Value.ToUniversalTime());
        return await EventRows.ReadAllAsync(command, ct);
    }

    /// <summary>The stream's current version, 0 when it does not exist.</summary>
    /// <summary>Which of these streams exist (have at least one event).</summary>
    public async Task<IReadOnlySet<string>> ExistingStreamsAsync(IReadOnlyCollection<string> streamIds, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand("SELECT stream_id FROM es.streams WHERE stream_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", streamIds.ToArray());
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) existing.Add(reader.GetString(0));
        return existing;
    }

    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand("SELECT version FROM es.streams WHERE stream_id = @stream");
        command.Parameters.AddWithValue("stream", streamId);
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    private DateTimeOffset Now() => EventHash.TruncateToMicroseconds(clock.GetUtcNow());

    internal static void ValidateStreamId(string streamId)
    {
        if (string.IsNullOrWhiteSpace(streamId) || streamId.Length > 200)
            throw new ArgumentException("A stream id is 1 to 200 characters.", nameof(streamId));
    }

    /// <summary>Only the stream's own keys mean a lost race; any other unique violation is a real error.</summary>
    private static bool IsStreamRace(PostgresException e) =>
        e.SqlState == EventStoreSchema.StaleAppendSqlState ||
        (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName is "events_stream_version" or "streams_pkey");

    private static WrongExpectedVersionException Conflict(string streamId, ExpectedVersion expected, long? actual)
    {
        EventStoreTelemetry.ConcurrencyConflicts.Add(1);
        return new WrongExpectedVersionException(streamId, expected, actual);
    }

    private sealed record StreamHead(long Version, byte[] Hash);

    private static readonly StreamHead NewStreamHead = new(0, EventHash.Genesis);

    private static async Task<StreamHead?> LockHeadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, head_hash FROM es.streams WHERE stream_id = @stream FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("stream", streamId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StreamHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    /// <summary>An event ready to insert: numbered, stamped and chained to its predecessor.</summary>
    private sealed record PendingEvent(
        string StreamId, long Version, string Type, string Data, string Metadata, EventMetadata MetadataValue,
        DateTimeOffset RecordedAt, Guid EventId, byte[] PreviousHash, byte[] Hash);

    private static List<PendingEvent> Chain(
        string streamId, long fromVersion, byte[] previousHash, IReadOnlyList<NewEvent> events, DateTimeOffset now)
    {
        var pending = new List<PendingEvent>(events.Count);
        var version = fromVersion;
        foreach (var e in events)
        {
            version++;
            var id = e.EventId ?? Guid.CreateVersion7(now);
            var metadata = MetadataJson.Serialize(e.Metadata);
            var hash = EventHash.Compute(EventHash.CurrentVersion, previousHash, streamId, version, e.Type, id, now, e.Data, metadata);
            pending.Add(new PendingEvent(streamId, version, e.Type, e.Data, metadata, e.Metadata, now, id, previousHash, hash));
            previousHash = hash;
        }
        return pending;
    }

    /// <summary>
    /// Moves the head from where the events chain to, inserts them and notifies, in one round
    /// trip, inside the caller's transaction.
    /// </summary>
    private static async Task<List<RecordedEvent>> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StreamHead from, IReadOnlyList<PendingEvent> pending,
        CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(AppendStatement(from, pending));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return Positioned(pending, await ReadPositionsAsync(reader, pending.Count, ct));
    }

    /// <summary>
    /// The append and the read-model writes that go with it, as one batch on a connection with no
    /// transaction open: PostgreSQL runs it as one implicit transaction that commits at its end,
    /// so it takes one round trip, and a moved head (which raises) or any failing write leaves
    /// nothing behind. Every result is read before returning, so a failure anywhere surfaces here.
    /// </summary>
    private async Task<List<RecordedEvent>> WriteBatchedAsync(
        StreamHead from, IReadOnlyList<PendingEvent> pending, IReadOnlyList<NpgsqlBatchCommand> readModelWrites,
        CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(AppendStatement(from, pending));
        foreach (var write in readModelWrites) batch.BatchCommands.Add(write);
        // The same few statements every command: prepared once per pooled connection. A rebuild's
        // schema swap invalidates the plans, and PostgreSQL re-resolves the names on next use.
        await batch.PrepareAsync(ct);
        Dictionary<Guid, (long Seq, ulong Tx)> positions;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            positions = await ReadPositionsAsync(reader, pending.Count, ct);
            while (await reader.NextResultAsync(ct)) { }
        }
        return Positioned(pending, positions);
    }

    /// <summary>
    /// es.append_events: the head write is the guard. A new stream's head is inserted only if there
    /// is none, an existing one moves only from the version and hash the events were chained to,
    /// and under a concurrent writer it waits for that writer's outcome. If the head had moved it
    /// raises <see cref="EventStoreSchema.StaleAppendSqlState"/> and nothing is inserted.
    /// </summary>
    private static NpgsqlBatchCommand AppendStatement(StreamHead from, IReadOnlyList<PendingEvent> pending)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT appended_id, appended_seq, appended_tx FROM es.append_events(
                @stream, @from, @fromHash, @to, @toHash, @recorded,
                @versions, @types, @data, @metadata, @ids, @prev, @hashes, @hashVersion)
            """);
        var last = pending[^1];
        var parameters = command.Parameters;
        parameters.AddWithValue("stream", last.StreamId);
        parameters.AddWithValue("from", from.Version);
        parameters.AddWithValue("fromHash", from.Hash);
        parameters.AddWithValue("to", last.Version);
        parameters.AddWithValue("toHash", last.Hash);
        parameters.AddWithValue("recorded", last.RecordedAt);
        parameters.AddWithValue("versions", pending.Select(p => p.Version).ToArray());
        parameters.AddWithValue("types", pending.Select(p => p.Type).ToArray());
        parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = pending.Select(p => p.Data).ToArray() });
        parameters.Add(new NpgsqlParameter("metadata", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = pending.Select(p => p.Metadata).ToArray() });
        parameters.AddWithValue("ids", pending.Select(p => p.EventId).ToArray());
        parameters.AddWithValue("prev", pending.Select(p => p.PreviousHash).ToArray());
        parameters.AddWithValue("hashes", pending.Select(p => p.Hash).ToArray());
        parameters.AddWithValue("hashVersion", EventHash.CurrentVersion);
        return command;
    }

    private static async Task<Dictionary<Guid, (long Seq, ulong Tx)>> ReadPositionsAsync(
        NpgsqlDataReader reader, int count, CancellationToken ct)
    {
        var positions = new Dictionary<Guid, (long Seq, ulong Tx)>(count);
        while (await reader.ReadAsync(ct))
            positions[reader.GetGuid(0)] = (reader.GetInt64(1), ulong.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture));
        return positions;
    }

    private static List<RecordedEvent> Positioned(IReadOnlyList<PendingEvent> pending, Dictionary<Guid, (long Seq, ulong Tx)> positions) =>
        pending.Select(p => new RecordedEvent(
            positions[p.EventId].Seq, positions[p.EventId].Tx, p.StreamId, p.Version, p.Type, p.Data,
            p.MetadataValue, p.RecordedAt, p.EventId)).ToList();

    /// <summary>The events as they will be stored, before the insert gives them a position (zero here).</summary>
    private static List<RecordedEvent> Unpositioned(IReadOnlyList<PendingEvent> pending) =>
        pending.Select(p => new RecordedEvent(0, 0, p.StreamId, p.Version, p.Type, p.Data, p.MetadataValue, p.RecordedAt, p.EventId)).ToList();

    /// <summary>Moves each stream's head to its last pending event and wakes the subscribers on commit.</summary>
    private static async Task UpsertHeadsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingEvent> heads, bool onlyNew,
        CancellationToken ct)
    {
        // Heads of streams expected new are inserted plainly: one that exists is a lost race.
        var onConflict = onlyNew ? "" : """
            ON CONFLICT (stream_id) DO UPDATE
               SET version = excluded.version, head_hash = excluded.head_hash, updated_at = excluded.updated_at
            """;
        await using var command = new NpgsqlCommand($"""
            INSERT INTO es.streams (stream_id, version, head_hash, created_at, updated_at)
            SELECT s, v, h, r, r FROM unnest(@streams, @versions, @hashes, @recorded) AS t(s, v, h, r)
            {onConflict};
            SELECT pg_notify('{EventStoreSchema.NotificationChannel}', '');
            """, connection, transaction);
        command.Parameters.AddWithValue("streams", heads.Select(p => p.StreamId).ToArray());
        command.Parameters.AddWithValue("versions", heads.Select(p => p.Version).ToArray());
        command.Parameters.AddWithValue("hashes", heads.Select(p => p.Hash).ToArray());
        command.Parameters.AddWithValue("recorded", heads.Select(p => p.RecordedAt).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }
}
