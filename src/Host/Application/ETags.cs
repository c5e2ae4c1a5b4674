using System.Globalization;

namespace GovReport.Host.Application;

/// <summary>A stream version as an HTTP entity tag, and back from If-Match.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an If-Match pins, null when absent. "*" pins nothing. A tag that is not one of
    /// ours cannot match any version, so it is reported as -1 (always stale).
    /// </summary>
    public static long? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        tag = tag.Trim('"');
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }
}
