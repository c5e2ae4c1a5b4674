using System.Diagnostics;

namespace GovReport.EventStore;

/// <summary>Events a command decided for one stream, chained to the snapshot it read.</summary>
public sealed record SnapshotAppend(StreamSnapshot Read, IReadOnlyList<NewEvent> Events);

public sealed partial class PgEventStore
{
    /// <summary>
    /// Appends to several streams, each right after the snapshot its command read, in one
    /// transaction: every stream's head must still be where it was read, or nothing is appended
    /// (<see cref="WrongExpectedVersionException"/>). For a multi-unit workbook, whose reports go
    /// in all together or not at all. The inline read models run per stream in the same
    /// transaction, as for a single append. Streams are written in id order, so two such appends
    /// over overlapping streams wait for each other instead of deadlocking.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAllAsync(
        IReadOnlyList<SnapshotAppend> appends, InlineProjection? inline, CancellationToken ct = default)
    {
        if (appends.Select(a => a.Read.StreamId).Distinct(StringComparer.Ordinal).Count() != appends.Count)
            throw new ArgumentException("Each stream may appear once in an atomic append.", nameof(appends));
        foreach (var append in appends)
        {
            ValidateStreamId(append.Read.StreamId);
            if (append.Events.Count == 0) throw new ArgumentException($"Stream '{append.Read.StreamId}' has no events to append.", nameof(appends));
            foreach (var e in append.Events) e.Validate();
        }
        if (appends.Count == 0) return [];

        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.append_all");
        activity?.SetTag("govreport.streams", appends.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var now = Now();
            var results = new AppendResult[appends.Count];
            foreach (var i in Enumerable.Range(0, appends.Count).OrderBy(i => appends[i].Read.StreamId, StringComparer.Ordinal))
            {
                var (read, events) = (appends[i].Read, appends[i].Events);
                var head = new StreamHead(read.Version, read.HeadHash);
                var pending = Chain(read.StreamId, head.Version, head.Hash, events, now);
                List<RecordedEvent> recorded;
                try
                {
                    recorded = await WriteAsync(connection, transaction, head, pending, ct);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Schema.EventStoreSchema.StaleAppendSqlState)
                {
                    // This stream's head moved since it was read: name it, so the caller knows which.
                    throw Conflict(read.StreamId, ExpectedVersion.Exactly(read.Version), null);
                }
                if (inline is not null) await inline(connection, transaction, recorded, read.Events, ct);
                results[i] = new AppendResult(pending[^1].Version, recorded);
            }
            await transaction.CommitAsync(ct);

            EventStoreTelemetry.EventsAppended.Add(appends.Sum(a => a.Events.Count));
            return results;
        }
        catch (Npgsql.PostgresException e) when (IsStreamRace(e))
        {
            throw Conflict(StreamOf(e) ?? appends[0].Read.StreamId, ExpectedVersion.NoStream, null);
        }
        finally
        {
            EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
