using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.EventStore;
using Npgsql;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The subscriber's page query as it is meant to run: in PostgreSQL a bare name in ORDER BY means
/// the output column first, and the store selects tx_id::text AS tx_id, so its
/// "ORDER BY tx_id, seq" sorts by the text of the transaction id (no index, a full sort per page,
/// and a numeric keyset over a text order). Qualifying the column restores the index order.
/// </summary>
public static class SuggestedPageQuery
{
    public static string Sql(string after, int limit, string order = "events.tx_id, events.seq") => $"""
        SELECT {RawScanPhase.Columns} FROM es.events
        WHERE (tx_id, seq) > ({after})
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY {order}
        LIMIT {limit}
        """;

    private static readonly JsonSerializerOptions MetadataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads the whole log page by page, one transaction each, mapping metadata as the store does.</summary>
    public static async Task<(long Count, double Seconds)> ReadAllAsync(NpgsqlDataSource dataSource, int pageSize)
    {
        var started = Stopwatch.GetTimestamp();
        var after = SubscriptionPosition.Start;
        long count = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(Sql("@tx::text::xid8, @seq", pageSize), connection, transaction);
            command.Parameters.AddWithValue("tx", after.TransactionId.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("seq", after.Sequence);
            var read = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    after = new SubscriptionPosition(ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetInt64(0));
                    var metadata = JsonSerializer.Deserialize<EventMetadata>(reader.GetString(6), MetadataOptions);
                    GC.KeepAlive((reader.GetString(2), reader.GetString(4), reader.GetString(5), metadata,
                        reader.GetFieldValue<DateTimeOffset>(7), reader.GetGuid(8)));
                    read++;
                }
            }
            await transaction.CommitAsync();
            count += read;
            if (read < pageSize) return (count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
