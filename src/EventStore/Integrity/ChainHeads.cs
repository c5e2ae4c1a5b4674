using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace GovReport.EventStore.Integrity;

/// <summary>One stream's head as exported: its version and the hash of its event at that version (hex).</summary>
public sealed record StreamHeadEntry(string Stream, long Version, string HeadHash);

/// <summary>
/// Every stream's head, sorted by stream id, sealed with one SHA-256 over them all and, where a
/// key is configured, signed (<see cref="HeadsSignature"/>). An auditor keeps it outside the
/// system; later, <see cref="ChainHeads.CheckAsync"/> proves that nothing up to those heads was
/// changed, even by someone who recomputed the stored hashes and moved the heads.
/// </summary>
public sealed record HeadDigest(
    DateTimeOffset ExportedAt, IReadOnlyList<StreamHeadEntry> Streams, string Digest, string? Signature = null);

/// <summary>An exported head that the stored history no longer reproduces.</summary>
public sealed record HeadMismatch(string Stream, long Version, string Reason);

public static class ChainHeads
{
    public static async Task<HeadDigest> ExportAsync(NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken ct = default)
    {
        var heads = new List<StreamHeadEntry>();
        await using var command = dataSource.CreateCommand("SELECT stream_id, version, head_hash FROM es.streams");
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                heads.Add(new StreamHeadEntry(reader.GetString(0), reader.GetInt64(1), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2))));
        }
        heads.Sort((a, b) => string.CompareOrdinal(a.Stream, b.Stream));
        return new HeadDigest(now, heads, DigestOf(heads));
    }

    public static string DigestOf(IEnumerable<StreamHeadEntry> heads)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var head in heads)
            hash.AppendData(Encoding.UTF8.GetBytes(
                $"{head.Stream}\n{head.Version.ToString(CultureInfo.InvariantCulture)}\n{head.HeadHash}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Recomputes each exported stream's chain from its first event up to the exported version
    /// from what is stored now (never trusting the stored hashes) and compares it with the export.
    /// </summary>
    public static async Task<IReadOnlyList<HeadMismatch>> CheckAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<StreamHeadEntry> heads, CancellationToken ct = default)
    {
        var mismatches = new List<HeadMismatch>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var head in heads)
        {
            await using var command = new NpgsqlCommand("""
                SELECT version, event_type, event_id, recorded_at, data::text, metadata::text, hash_version
                FROM es.events WHERE stream_id = @stream AND version <= @version ORDER BY version
                """, connection);
            command.Parameters.AddWithValue("stream", head.Stream);
            command.Parameters.AddWithValue("version", head.Version);
            await using var reader = await command.ExecuteReaderAsync(ct);
            byte[] chain = EventHash.Genesis;
            long expected = 0;
            HeadMismatch? mismatch = null;
            while (mismatch is null && await reader.ReadAsync(ct))
            {
                expected++;
                var version = reader.GetInt64(0);
                if (version != expected)
                {
                    mismatch = new HeadMismatch(head.Stream, head.Version, $"version {expected} is missing");
                    break;
                }
                chain = EventHash.Compute(reader.GetInt16(6), chain, head.Stream, version, reader.GetString(1), reader.GetGuid(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetString(5));
            }
            if (mismatch is null && expected != head.Version)
                mismatch = new HeadMismatch(head.Stream, head.Version, $"the stream now ends at version {expected}");
            if (mismatch is null && !string.Equals(Convert.ToHexStringLower(chain), head.HeadHash, StringComparison.OrdinalIgnoreCase))
                mismatch = new HeadMismatch(head.Stream, head.Version, "the history up to the exported head no longer hashes the same");
            if (mismatch is not null) mismatches.Add(mismatch);
        }
        return mismatches;
    }
}
