using System.Security.Cryptography;
using System.Text;

namespace GovReport.EventStore.Integrity;

/// <summary>
/// HMAC-SHA256 over an export of the heads, with a key kept outside the database. The digest
/// alone only shows the file was not edited carelessly — whoever edits it can recompute it; the
/// signature shows it was written by someone holding the key, which no database role does.
/// </summary>
public static class HeadsSignature
{
    public const string Algorithm = "HMAC-SHA256";

    /// <summary>Shorter keys are refused: a guessable key signs anything.</summary>
    public const int MinimumKeyBytes = 32;

    public static HeadDigest Sign(HeadDigest heads, byte[] key) =>
        heads with { Signature = Convert.ToHexStringLower(HMACSHA256.HashData(RequireKey(key), Payload(heads))) };

    /// <summary>True when the heads hash to their digest and the signature over both is the key's.</summary>
    public static bool IsValid(HeadDigest heads, byte[] key)
    {
        if (heads.Signature is not { Length: > 0 } signature) return false;
        if (!string.Equals(ChainHeads.DigestOf(heads.Streams), heads.Digest, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try { given = Convert.FromHexString(signature); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(RequireKey(key), Payload(heads)));
    }

    public static byte[] RequireKey(byte[] key) =>
        key.Length >= MinimumKeyBytes ? key : throw new ArgumentException($"A heads key is at least {MinimumKeyBytes} bytes.", nameof(key));

    // The instant is signed too, so a checkpoint cannot be passed off as one from another day.
    private static byte[] Payload(HeadDigest heads) => Encoding.UTF8.GetBytes(
        $"govreport-heads\n{heads.ExportedAt.UtcTicks}\n{heads.Digest.ToLowerInvariant()}\n");
}
