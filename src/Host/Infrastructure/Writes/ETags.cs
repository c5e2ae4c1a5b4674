using System.Globalization;

namespace GovReport.Host.Infrastructure.Writes;

/// <summary>A stream version as an HTTP entity tag, and back from If-Match.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an If-Match pins, null when absent. "*" pins nothing. If-Match compares
    /// strongly (RFC 9110 §13.1.1), so a weak tag never matches; neither does a tag that is not
    /// one of ours. Both are reported as -1 (always stale, 412).
    /// </summary>
    public static long? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) return -1;
        // A bare version without quotes is taken as clients have always sent it.
        var tag = header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }
}
