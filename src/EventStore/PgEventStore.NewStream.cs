using System.Diagnostics;
using GovReport.EventStore.Integrity;
using Npgsql;

namespace GovReport.EventStore;

/// <summary>What <see cref="PgEventStore.AppendOrReadAsync"/> did: appended a new stream, or found it existing and read it.</summary>
public sealed record NewStreamAttempt(AppendResult? Appended, StreamSnapshot? Existing);

public sealed partial class PgEventStore
{
    /// <summary>
    /// For a command that usually opens its stream: appends <paramref name="events"/> as the
    /// stream's first events, with the read-model <paramref name="statements"/>, in one round trip,
    /// and reads the stream in the same batch first. A new stream's command thus needs no read
    /// round trip of its own. If the stream exists (or another writer creates it meanwhile), the
    /// append raises as any append chained to a moved head does (es.append_events), nothing of the
    /// batch stays, and the caller gets the stream as the batch read it, to decide on as usual:
    /// the same two round trips a read-then-append takes. When the statements decline, nothing
    /// is appended and the stream is only read.
    /// </summary>
    public async Task<NewStreamAttempt> AppendOrReadAsync(
        string streamId, IReadOnlyList<NewEvent> events, InlineStatements statements, CancellationToken ct = default)
    {
        ValidateStreamId(streamId);
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        foreach (var e in events) e.Validate();

        var chained = Chain(streamId, NewStreamHead.Version, NewStreamHead.Hash, events, Now());
        var readModelWrites = new List<NpgsqlBatchCommand>();
        if (!statements(Unpositioned(chained), [], readModelWrites))
            return new NewStreamAttempt(null, await ReadForAppendAsync(streamId, ct));

        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.append");
        activity?.SetTag("govreport.stream", streamId);
        activity?.SetTag("govreport.events", events.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(ReadStatement(streamId));
            batch.BatchCommands.Add(AppendStatement(NewStreamHead, chained));
            foreach (var write in readModelWrites) batch.BatchCommands.Add(write);
            // The same statements every time: prepared once per pooled connection (see WriteBatchedAsync).
            await batch.PrepareAsync(ct);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var read = await ReadSnapshotAsync(reader, streamId, ct);
            Dictionary<Guid, (long Seq, ulong Tx)> positions;
            try
            {
                await reader.NextResultAsync(ct);
                positions = await ReadPositionsAsync(reader, chained.Count, ct);
                while (await reader.NextResultAsync(ct)) { }
            }
            catch (PostgresException e) when (IsStreamRace(e))
            {
                // The stream exists: not a lost race unless it was created after the batch read it.
                if (read.Version == 0) EventStoreTelemetry.ConcurrencyConflicts.Add(1);
                return new NewStreamAttempt(null, read);
            }
            EventStoreTelemetry.EventsAppended.Add(events.Count);
            return new NewStreamAttempt(new AppendResult(chained[^1].Version, Positioned(chained, positions)), null);
        }
        finally
        {
            EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static NpgsqlBatchCommand ReadStatement(string streamId)
    {
        var command = new NpgsqlBatchCommand($"SELECT {EventRows.Columns}, hash FROM es.events WHERE stream_id = @stream ORDER BY version");
        command.Parameters.AddWithValue("stream", streamId);
        return command;
    }

    /// <summary>The stream's events and the hash the next event chains to, from a reader on <see cref="ReadStatement"/>'s rows.</summary>
    private static async Task<StreamSnapshot> ReadSnapshotAsync(NpgsqlDataReader reader, string streamId, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        var hash = EventHash.Genesis;
        while (await reader.ReadAsync(ct))
        {
            events.Add(EventRows.Read(reader));
            hash = reader.GetFieldValue<byte[]>(EventRows.ColumnCount);
        }
        return new StreamSnapshot(streamId, events, events.Count == 0 ? 0 : events[^1].Version, hash);
    }
}
