using System.Globalization;
using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Reads the log in commit order for subscribers. A page holds only events of transactions below
/// the oldest one still running in this database (<see cref="EventLog.ReadBarrier"/>): an event whose
/// transaction commits late has a lower transaction id than that barrier until it commits, so it
/// is never passed over.
/// </summary>
public sealed class EventSubscription(NpgsqlDataSource dataSource)
{
    private const string PageSql = $"""
        SELECT {EventRows.Columns} FROM es.events
        WHERE (tx_id, seq) > (@tx::text::xid8, @seq)
          AND tx_id < {EventLog.ReadBarrier}
        ORDER BY tx_id, seq
        LIMIT @limit
        """;

    public Task<IReadOnlyList<RecordedEvent>> ReadPageAsync(SubscriptionPosition after, int limit, CancellationToken ct = default) =>
        WithConnection(c => ReadPageAsync(c, null, after, limit, ct), ct);

    public async Task<IReadOnlyList<RecordedEvent>> ReadPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, SubscriptionPosition after, int limit, CancellationToken ct = default)
    {
        using var activity = EventStoreTelemetry.ActivitySource.StartActivity("eventstore.read_page");
        await using var command = new NpgsqlCommand(PageSql, connection, transaction);
        AddPosition(command, after);
        command.Parameters.AddWithValue("limit", limit);
        var page = await EventRows.ReadAllAsync(command, ct);
        activity?.SetTag("govreport.events", page.Count);
        EventStoreTelemetry.EventsDelivered.Add(page.Count);
        return page;
    }

    public async Task<SubscriptionPosition> LoadCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand(
            "SELECT tx_id::text, seq FROM es.subscriptions WHERE name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SubscriptionPosition(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : SubscriptionPosition.Start;
    }

    public Task<SubscriptionPosition> LoadCheckpointAsync(string name, CancellationToken ct = default) =>
        WithConnection(c => LoadCheckpointAsync(c, null, name, ct), ct);

    /// <summary>
    /// Moves a checkpoint from where this worker read it to where it got to, inside the caller's
    /// transaction. False when another worker moved it meanwhile: the caller must roll back.
    /// </summary>
    public async Task<bool> TryAdvanceCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name,
        SubscriptionPosition from, SubscriptionPosition to, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO es.subscriptions AS s (name, tx_id, seq, updated_at)
            VALUES (@name, @to_tx::text::xid8, @to_seq, now())
            ON CONFLICT (name) DO UPDATE SET tx_id = excluded.tx_id, seq = excluded.seq, updated_at = now()
                WHERE s.tx_id = @tx::text::xid8 AND s.seq = @seq
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("to_tx", to.TransactionId.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("to_seq", to.Sequence);
        AddPosition(command, from);
        // A racing first insert blocks on the key, then fails the WHERE: 0 rows, never a double advance.
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Puts a checkpoint at a position whatever it held, inside the caller's transaction (a rebuild's swap).</summary>
    public static async Task SetCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, SubscriptionPosition position, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO es.subscriptions (name, tx_id, seq, updated_at) VALUES (@name, @tx::text::xid8, @seq, now())
            ON CONFLICT (name) DO UPDATE SET tx_id = excluded.tx_id, seq = excluded.seq, updated_at = now()
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        AddPosition(command, position);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes a checkpoint, so the subscriber starts again from the beginning (a rebuild).</summary>
    public async Task ResetCheckpointAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("DELETE FROM es.subscriptions WHERE name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How far a position is behind the log: events not yet read and the age of the oldest.</summary>
    public Task<Freshness> LagAsync(SubscriptionPosition position, CancellationToken ct = default) =>
        WithConnection(async connection =>
        {
            await using var command = new NpgsqlCommand($"""
                SELECT count(*), min(recorded_at),
                       count(*) FILTER (WHERE tx_id >= {EventLog.ReadBarrier})
                FROM es.events WHERE (tx_id, seq) > (@tx::text::xid8, @seq)
                """, connection);
            AddPosition(command, position);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new Freshness(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetInt64(2));
        }, ct);

    private static void AddPosition(NpgsqlCommand command, SubscriptionPosition position)
    {
        command.Parameters.AddWithValue("tx", position.TransactionId.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("seq", position.Sequence);
    }

    private async Task<T> WithConnection<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await work(connection);
    }
}

/// <summary>
/// A subscriber's distance from the head of the log. <see cref="HeldBack"/> counts committed-or-not
/// events behind a still-running transaction: the price of never skipping.
/// </summary>
public sealed record Freshness(long PendingEvents, DateTimeOffset? OldestPendingRecordedAt, long HeldBack)
{
    public TimeSpan Age(DateTimeOffset now) =>
        OldestPendingRecordedAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
}
