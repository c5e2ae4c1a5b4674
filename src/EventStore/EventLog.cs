using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// The log as the read side may see it beyond a subscription: the position of its head, events
/// of some types up to an instant (answers "as of"), a few body fields of the latest event per
/// stream, and a view for joins. The table's name and layout stay in this project.
/// </summary>
public static class EventLog
{
    /// <summary>A relation (<c>seq, stream_id, event_type, data, recorded_at</c>) read models may join against.</summary>
    public const string Bodies = "es.event_bodies";

    /// <summary>
    /// The transaction id readers stay below (SQL, <c>xid8</c>): the oldest transaction that may
    /// still add events to this database's log (event-store migration 6 says why not xmin).
    /// </summary>
    public const string ReadBarrier = "es.read_barrier()";

    /// <summary>One event as an "as of" fold needs it.</summary>
    public sealed record Fact(string Type, string Data, DateTimeOffset RecordedAt);

    /// <summary>The last event committed now, in subscription order; null for an empty log.</summary>
    public static async Task<SubscriptionPosition?> LastCommittedAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            // Qualified: a bare "tx_id" here would name the text output column, so the sort would be
            // by text (wrong once ids differ in length) over every event, not one backward index step.
            "SELECT e.tx_id::text, e.seq FROM es.events e ORDER BY e.tx_id DESC, e.seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SubscriptionPosition(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : null;
    }

    /// <summary>Events of these types recorded up to an instant, in commit order.</summary>
    public static async IAsyncEnumerable<Fact> OfTypesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> types, DateTimeOffset recordedUpTo,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("""
            SELECT event_type, data::text, recorded_at FROM es.events
            WHERE event_type = ANY(@types) AND recorded_at <= @upTo
            ORDER BY tx_id, seq
            """, connection, transaction);
        command.Parameters.AddWithValue("types", types.ToArray());
        command.Parameters.AddWithValue("upTo", recordedUpTo.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new Fact(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>
    /// Top-level body fields (as text, null where absent) of the events in streams starting with
    /// <paramref name="streamPrefix"/> recorded up to an instant, optionally only the latest
    /// event of one type per stream and only where a field takes one of some values. The fields
    /// are read in the database: an "as of" status must not ship every report body to the host.
    /// </summary>
    public static async IAsyncEnumerable<string?[]> FieldsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, FieldQuery query,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var columns = string.Join(", ", query.Fields.Select((_, i) => $"data ->> @f{i}"));
        var where = "stream_id LIKE @prefix AND recorded_at <= @upTo"
            + (query.Type is null ? "" : " AND event_type = @type")
            + (query.Where is null ? "" : " AND data ->> @whereField = ANY(@whereValues)");
        var sql = query.LatestPerStream
            ? $"SELECT DISTINCT ON (stream_id) {columns} FROM es.events WHERE {where} ORDER BY stream_id, version DESC"
            : $"SELECT DISTINCT {columns} FROM es.events WHERE {where}";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        for (var i = 0; i < query.Fields.Count; i++) command.Parameters.AddWithValue($"f{i}", query.Fields[i]);
        command.Parameters.AddWithValue("prefix", EscapeLike(query.StreamPrefix) + "%");
        command.Parameters.AddWithValue("upTo", query.RecordedUpTo.ToUniversalTime());
        if (query.Type is { } type) command.Parameters.AddWithValue("type", type);
        if (query.Where is { } filter)
        {
            command.Parameters.AddWithValue("whereField", filter.Field);
            command.Parameters.AddWithValue("whereValues", filter.Values.ToArray());
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new string?[query.Fields.Count];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            yield return row;
        }
    }

    /// <summary>What <see cref="FieldsAsync"/> reads. Without <see cref="LatestPerStream"/>, rows are distinct.</summary>
    public sealed record FieldQuery(string StreamPrefix, IReadOnlyList<string> Fields, DateTimeOffset RecordedUpTo)
    {
        public string? Type { get; init; }
        public bool LatestPerStream { get; init; }
        public (string Field, IReadOnlyCollection<string> Values)? Where { get; init; }
    }

    /// <summary>
    /// Holds back appends until the caller's transaction ends: appends move their stream head
    /// first, so a SHARE lock on the heads waits for those under way and stops new ones.
    /// </summary>
    public static async Task HoldAppendsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("LOCK TABLE es.streams IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
