using System.Globalization;
using System.Text.Json;
using GovReport.EventStore.Integrity;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// Chain heads kept outside the system: an export (<c>verify --export-heads</c>, one JSON object)
/// or the daily checkpoint (one signed object per line). Before any check rests on them, their
/// digest and signature must hold: a file that was edited, or that is unsigned where a key is
/// configured, is refused rather than believed.
/// </summary>
public static class HeadsFile
{
    private static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web);

    public static string Serialize(HeadDigest heads, bool indented) =>
        JsonSerializer.Serialize(heads, indented ? VerifyVerb.Json : Line);

    /// <summary>The heads in a file: an export's only object, or a checkpoint's latest line (or latest of <paramref name="date"/>, UTC).</summary>
    public static async Task<(HeadDigest? Heads, string? Error)> ReadAsync(string path, DateOnly? date, CancellationToken ct)
    {
        if (!File.Exists(path)) return (null, $"{path} does not exist.");
        var text = await File.ReadAllTextAsync(path, ct);
        var entries = new List<HeadDigest>();
        try
        {
            var single = TryWhole(text);
            if (single is not null) entries.Add(single);
            else
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    entries.Add(JsonSerializer.Deserialize<HeadDigest>(line, Line) ?? throw new JsonException("an empty line"));
        }
        catch (JsonException e)
        {
            return (null, $"{path} holds no chain heads: {e.Message}");
        }
        if (entries.Any(e => e.Streams is null || e.Digest is null)) return (null, $"{path} holds an entry without streams or digest.");
        var chosen = entries
            .Where(e => date is null || DateOnly.FromDateTime(e.ExportedAt.UtcDateTime) == date)
            .MaxBy(e => e.ExportedAt);
        return chosen is null
            ? (null, $"{path} holds no heads of {date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.")
            : (chosen, null);
    }

    /// <summary>Why the heads may not be trusted, or null when they may.</summary>
    public static string? Refusal(HeadDigest heads, byte[]? key)
    {
        if (!string.Equals(ChainHeads.DigestOf(heads.Streams), heads.Digest, StringComparison.OrdinalIgnoreCase))
            return "its heads no longer match its digest: the file was edited";
        if (key is null)
            return heads.Signature is null ? null : "it is signed but Integrity:HeadsKey is not configured, so the signature cannot be checked";
        if (heads.Signature is null) return "it is not signed, and unsigned heads are not trusted where Integrity:HeadsKey is configured";
        return HeadsSignature.IsValid(heads, key) ? null : "its signature does not match: the file was edited or signed with another key";
    }

    private static HeadDigest? TryWhole(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<HeadDigest>(text, Line);
        }
        catch (JsonException)
        {
            // More than one value: JSON lines.
            return null;
        }
    }
}
