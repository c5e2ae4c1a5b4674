using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovReport.EventStore.Integrity;

/// <summary>
/// The hash chain: each event's hash covers its predecessor's hash, its place in the stream,
/// its identity, the instant it was recorded, its body and its metadata. Changing, reordering or
/// removing any stored event breaks the link at or after it.
/// </summary>
public static class EventHash
{
    public const int Length = 32;

    /// <summary>The first scheme: numbers hashed as doubles. Rows written so keep it (es.events.hash_version).</summary>
    public const short DoubleNumbersVersion = 1;

    /// <summary>Numbers hashed as the exact text jsonb keeps, and the scheme named inside the hash.</summary>
    public const short ExactNumbersVersion = 2;

    /// <summary>What every new append uses.</summary>
    public const short CurrentVersion = ExactNumbersVersion;

    /// <summary>The predecessor of every stream's first event.</summary>
    public static byte[] Genesis { get; } = new byte[Length];

    public static byte[] Compute(
        ReadOnlySpan<byte> previousHash, string streamId, long version, string eventType, Guid eventId,
        DateTimeOffset recordedAt, string dataJson, string metadataJson) =>
        Compute(CurrentVersion, previousHash, streamId, version, eventType, eventId, recordedAt, dataJson, metadataJson);

    public static byte[] Compute(
        short hashVersion, ReadOnlySpan<byte> previousHash, string streamId, long version, string eventType, Guid eventId,
        DateTimeOffset recordedAt, string dataJson, string metadataJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Naming the scheme in the hash means relabelling a row's hash_version cannot make an
        // edited body match the hash stored under the other scheme.
        if (hashVersion != DoubleNumbersVersion) hash.AppendData(Encoding.UTF8.GetBytes($"v{hashVersion}\n"));
        hash.AppendData(previousHash);
        var header = string.Join('\n',
            streamId,
            version.ToString(CultureInfo.InvariantCulture),
            eventType,
            eventId.ToString("N"),
            // Microseconds since the epoch: what timestamptz keeps, so a read-back hashes alike.
            ToUnixMicroseconds(recordedAt).ToString(CultureInfo.InvariantCulture),
            "");
        hash.AppendData(Encoding.UTF8.GetBytes(header));
        hash.AppendData(CanonicalJson.ToUtf8(dataJson, hashVersion));
        hash.AppendData("\n"u8);
        hash.AppendData(CanonicalJson.ToUtf8(metadataJson, hashVersion));
        return hash.GetHashAndReset();
    }

    public static long ToUnixMicroseconds(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>PostgreSQL keeps microseconds: cut an instant to them before storing or hashing it.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);
}
