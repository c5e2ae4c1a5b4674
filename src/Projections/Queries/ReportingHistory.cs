using System.Globalization;
using GovReport.Domain.Periods;
using GovReport.Projections.ReadModels;

namespace GovReport.Projections.Queries;

/// <summary>
/// Reporting status as it stood at a past instant, read from the log itself: the units (and tree)
/// of that day, the months they had reported for, and each report's latest submission recorded
/// by then — the same facts the live read model keeps, cut at the instant.
/// </summary>
internal static class ReportingHistory
{
    public static async Task<Dictionary<string, (string Name, Month FirstMonth)>> UnitsAsOfAsync(
        ProjectionContext context, IReadOnlyDictionary<string, Figures.UnitTreeHistory.Unit> history, DateTimeOffset asOf, CancellationToken ct)
    {
        var firstReported = new Dictionary<string, Month>(StringComparer.Ordinal);
        await using (var command = context.Command("""
            SELECT DISTINCT data->>'unit', data->>'month' FROM es.events
            WHERE stream_id LIKE 'report-%' AND recorded_at <= @asOf
            """))
        {
            command.Parameters.AddWithValue("asOf", asOf.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(0) || reader.IsDBNull(1) || !Month.TryParse(reader.GetString(1), out var month, out _)) continue;
                var unit = reader.GetString(0);
                if (!firstReported.TryGetValue(unit, out var first) || month < first) firstReported[unit] = month;
            }
        }
        var units = new Dictionary<string, (string, Month)>(StringComparer.Ordinal);
        foreach (var (id, unit) in history)
        {
            var registered = Month.Of(DateOnly.FromDateTime(unit.RegisteredAt.ToOffset(ReportingCalendar.VietnamOffset).DateTime));
            units[id] = (unit.Name, firstReported.TryGetValue(id, out var first) && first < registered ? first : registered);
        }
        return units;
    }

    public static async Task<Dictionary<(string, string), ReportingStatusQuery.ReportRow>> SubmissionsAsOfAsync(
        ProjectionContext context, Period period, DateTimeOffset asOf, CancellationToken ct)
    {
        await using var command = context.Command("""
            SELECT DISTINCT ON (stream_id) data->>'unit', data->>'month', data->>'submittedAt', (data->>'onTime')::boolean
            FROM es.events
            WHERE event_type = 'report_submitted' AND recorded_at <= @asOf AND data->>'month' = ANY(@months)
            ORDER BY stream_id, version DESC
            """);
        command.Parameters.AddWithValue("asOf", asOf.ToUniversalTime());
        command.Parameters.AddWithValue("months", period.Months.Select(m => m.ToString()).ToArray());
        var reports = new Dictionary<(string, string), ReportingStatusQuery.ReportRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            reports[(reader.GetString(0), reader.GetString(1))] = new ReportingStatusQuery.ReportRow(
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture).ToUniversalTime(), reader.GetBoolean(3));
        return reports;
    }
}
