using System.Diagnostics;
using System.Globalization;
using GovReport.Benchmarks.Reporting;
using Npgsql;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The physical limit for reads: one ordered query over the raw table, each row read into an
/// object with the subscriber's columns (data and metadata left as strings).
/// </summary>
public static class RawScanPhase
{
    public const string Columns =
        "seq, tx_id::text, stream_id, version, event_type, data::text, metadata::text, recorded_at, event_id";

    public sealed record RawEvent(long Sequence, ulong TransactionId, string StreamId, long Version, string Type,
        string Data, string Metadata, DateTimeOffset RecordedAt, Guid EventId);

    public static async Task<BenchResult> RunAsync(BenchDatabase db)
    {
        await ScanAsync(db.DataSource, $"SELECT {Columns} FROM {RawCopyPhase.Table} ORDER BY seq LIMIT 20000");
        var (count, seconds) = await ScanAsync(db.DataSource, $"SELECT {Columns} FROM {RawCopyPhase.Table} ORDER BY seq");
        return new BenchResult("4. raw scan ORDER BY seq", "rows", count, seconds) { Note = "one query, one pass" };
    }

    public static async Task<(long Count, double Seconds)> ScanAsync(NpgsqlDataSource dataSource, string sql)
    {
        var started = Stopwatch.GetTimestamp();
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0, checksum = 0;
        while (await reader.ReadAsync())
        {
            var row = new RawEvent(reader.GetInt64(0), ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetGuid(8));
            checksum += row.Data.Length + row.Metadata.Length; // keeps the row from being optimised away
            count++;
        }
        GC.KeepAlive(checksum);
        return (count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
