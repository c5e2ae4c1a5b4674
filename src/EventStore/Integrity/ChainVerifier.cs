using System.Globalization;
using Npgsql;

namespace GovReport.EventStore.Integrity;

/// <summary>A stream whose stored history no longer matches its hash chain, from this version on.</summary>
public sealed record BrokenStream(string Stream, long FirstBrokenVersion, string Reason);

public sealed record ChainReport(long CheckedEvents, long CheckedStreams, IReadOnlyList<BrokenStream> BrokenStreams)
{
    public bool Intact => BrokenStreams.Count == 0;
}

/// <summary>
/// Walks every stream in version order, recomputes each event's hash from what is stored and
/// checks it against the stored hash, the successor's link and the stream head. An edit, a
/// reorder, a removal in the middle or at the end each break the chain somewhere it can name.
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainReport> VerifyAsync(
        NpgsqlDataSource dataSource, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        // Heads and events from one snapshot: an append between two reads is not a broken chain.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var heads = await LoadHeadsAsync(connection, snapshot, ct);
        var broken = new List<BrokenStream>();
        long checkedEvents = 0, checkedStreams = 0;

        await using var command = new NpgsqlCommand("""
            SELECT stream_id, version, event_type, event_id, recorded_at, data::text, metadata::text, prev_hash, hash, hash_version
            FROM es.events ORDER BY stream_id, version
            """, connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(ct);

        string? stream = null;
        long expectedVersion = 0;
        byte[] previous = EventHash.Genesis;
        BrokenStream? firstBreak = null;

        void CloseStream()
        {
            if (stream is null) return;
            if (firstBreak is null)
            {
                if (!heads.Remove(stream, out var head))
                    firstBreak = new BrokenStream(stream, expectedVersion, "the stream has events but no head");
                else if (head.Version != expectedVersion)
                    firstBreak = new BrokenStream(stream, Math.Min(head.Version, expectedVersion) + 1,
                        $"the head says version {head.Version} but the events end at {expectedVersion}");
                else if (!head.Hash.AsSpan().SequenceEqual(previous))
                    firstBreak = new BrokenStream(stream, expectedVersion, "the last event's hash differs from the head's");
            }
            else heads.Remove(stream);
            if (firstBreak is not null) broken.Add(firstBreak);
        }

        while (await reader.ReadAsync(ct))
        {
            var streamId = reader.GetString(0);
            if (streamId != stream)
            {
                CloseStream();
                (stream, expectedVersion, previous, firstBreak) = (streamId, 0, EventHash.Genesis, null);
                checkedStreams++;
            }
            checkedEvents++;
            if (checkedEvents % 100_000 == 0) progress?.Report(checkedEvents);
            if (firstBreak is not null) continue;

            var version = reader.GetInt64(1);
            var storedPrevious = reader.GetFieldValue<byte[]>(7);
            var storedHash = reader.GetFieldValue<byte[]>(8);
            expectedVersion++;
            if (version != expectedVersion)
            {
                firstBreak = new BrokenStream(streamId, expectedVersion,
                    $"version {expectedVersion.ToString(CultureInfo.InvariantCulture)} is missing (found {version.ToString(CultureInfo.InvariantCulture)})");
                continue;
            }
            if (!storedPrevious.AsSpan().SequenceEqual(previous))
            {
                firstBreak = new BrokenStream(streamId, version, "the link to the previous event does not match its hash");
                continue;
            }
            var recomputed = EventHash.Compute(reader.GetInt16(9), previous, streamId, version, reader.GetString(2), reader.GetGuid(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetString(6));
            if (!recomputed.AsSpan().SequenceEqual(storedHash))
            {
                firstBreak = new BrokenStream(streamId, version, "the event's content does not match its hash");
                continue;
            }
            previous = storedHash;
        }
        CloseStream();
        progress?.Report(checkedEvents);

        // Heads left over belong to streams whose every event is gone.
        foreach (var (orphan, head) in heads)
            broken.Add(new BrokenStream(orphan, 1, $"the head says version {head.Version} but the stream has no events"));

        broken.Sort((a, b) => string.CompareOrdinal(a.Stream, b.Stream));
        return new ChainReport(checkedEvents, checkedStreams, broken);
    }

    private sealed record Head(long Version, byte[] Hash);

    private static async Task<Dictionary<string, Head>> LoadHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction snapshot, CancellationToken ct)
    {
        var heads = new Dictionary<string, Head>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT stream_id, version, head_hash FROM es.streams", connection, snapshot);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            heads[reader.GetString(0)] = new Head(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        return heads;
    }
}
