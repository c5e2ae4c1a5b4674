using System.Text;
using Npgsql;

namespace GovReport.EventStore.Audit;

/// <summary>A stored event with the hash that chains it, as an auditor reads it.</summary>
public sealed record AuditedEvent(RecordedEvent Event, byte[] Hash);

/// <summary>
/// Which events to read: one exact stream, or every stream of one unit, within a recorded-time
/// range (<see cref="From"/> inclusive, <see cref="To"/> exclusive); optionally only events stored
/// under one <see cref="Type"/> name, and only those naming one <see cref="Indicator"/> (its own
/// stream, or an <c>indicator</c> key anywhere in the event's data: a report's figures, a plan's lines).
/// </summary>
public sealed record EventLogFilter(string? Stream = null, string? Unit = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public string? Type { get; init; }
    public string? Indicator { get; init; }
}

/// <summary>
/// The log in commit order, filtered and paged for audit. Pages follow (transaction id, sequence)
/// under the oldest running transaction, as subscribers do: a cursor on the sequence alone would
/// pass over an event whose transaction commits after a later-numbered one.
/// </summary>
public static class EventLogQuery
{
    public static async Task<IReadOnlyList<AuditedEvent>> ReadAsync(
        NpgsqlDataSource dataSource, EventLogFilter filter, SubscriptionPosition after, int limit, CancellationToken ct = default)
    {
        var sql = new StringBuilder($"""
            SELECT {EventRows.Columns}, hash FROM es.events
            WHERE (tx_id, seq) > (@tx::text::xid8, @seq) AND tx_id < {EventLog.ReadBarrier}
            """);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("tx", after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("seq", after.Sequence);
        if (filter.Stream is not null)
        {
            sql.Append(" AND stream_id = @stream");
            command.Parameters.AddWithValue("stream", filter.Stream);
        }
        if (filter.Unit is not null)
        {
            // A unit's streams by their exact shapes, so unit xa-a never picks up xa-ab's streams.
            sql.Append("""
                 AND (stream_id = 'unit-' || @unit
                      OR stream_id LIKE 'report-' || @unit_like || '-____-__' ESCAPE '\'
                      OR stream_id LIKE 'plan-' || @unit_like || '-____' ESCAPE '\')
                """);
            command.Parameters.AddWithValue("unit", filter.Unit);
            command.Parameters.AddWithValue("unit_like", EscapeLike(filter.Unit));
        }
        if (filter.Type is not null)
        {
            sql.Append(" AND event_type = @type");
            command.Parameters.AddWithValue("type", filter.Type);
        }
        if (filter.Indicator is not null)
        {
            sql.Append("""
                 AND (stream_id = 'indicator-' || @indicator
                      OR jsonb_path_exists(data, '$.**.indicator ? (@ == $code)', jsonb_build_object('code', @indicator::text)))
                """);
            command.Parameters.AddWithValue("indicator", filter.Indicator);
        }
        if (filter.From is not null)
        {
            sql.Append(" AND recorded_at >= @from");
            command.Parameters.AddWithValue("from", filter.From.Value.ToUniversalTime());
        }
        if (filter.To is not null)
        {
            sql.Append(" AND recorded_at < @to");
            command.Parameters.AddWithValue("to", filter.To.Value.ToUniversalTime());
        }
        sql.Append(" ORDER BY events.tx_id, events.seq LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = sql.ToString();

        var events = new List<AuditedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            events.Add(new AuditedEvent(EventRows.Read(reader), reader.GetFieldValue<byte[]>(9)));
        return events;
    }

    /// <summary>
    /// Whether committed events wait behind a running transaction of this database. A
    /// reader that wants what was just written waits briefly for them rather than miss them.
    /// </summary>
    public static async Task<bool> AnyHeldBackAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM es.events WHERE tx_id >= {EventLog.ReadBarrier})");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
