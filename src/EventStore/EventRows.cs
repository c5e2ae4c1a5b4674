using Npgsql;

namespace GovReport.EventStore;

/// <summary>The one column list every reader of es.events selects, and its mapping.</summary>
internal static class EventRows
{
    public const string Columns =
        "seq, tx_id::text AS tx_text, stream_id, version, event_type, data::text, metadata::text, recorded_at, event_id";

    /// <summary>How many columns <see cref="Columns"/> names: a caller's extra columns start here.</summary>
    public const int ColumnCount = 9;

    public static RecordedEvent Read(NpgsqlDataReader reader) => new(
        Sequence: reader.GetInt64(0),
        TransactionId: ulong.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
        StreamId: reader.GetString(2),
        Version: reader.GetInt64(3),
        Type: reader.GetString(4),
        Data: reader.GetString(5),
        Metadata: MetadataJson.Deserialize(reader.GetString(6)),
        RecordedAt: reader.GetFieldValue<DateTimeOffset>(7),
        EventId: reader.GetGuid(8));

    public static async Task<List<RecordedEvent>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Read(reader));
        return events;
    }
}
