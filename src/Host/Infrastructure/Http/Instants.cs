using System.Globalization;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// The one reading of an instant in a query string (asOf, from, to): ISO 8601; a time without a
/// zone, or a bare date, is taken as UTC — the same rule on every endpoint.
/// </summary>
public static class Instants
{
    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    public static string Explain(string? text) =>
        $"'{text}' is not an instant; use ISO 8601, e.g. 2022-09-10T00:00:00Z or 2022-09-10T07:00:00+07:00 (no zone means UTC).";
}
