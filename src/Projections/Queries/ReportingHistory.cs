using GovReport.Domain;
using GovReport.EventStore;
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
        var reported = new EventLog.FieldQuery(StreamIds.ReportPrefix, ["unit", "month"], asOf);
        await foreach (var row in EventLog.FieldsAsync(context.Connection, context.Transaction, reported, ct))
        {
            if (row[0] is not { } unit || row[1] is not { } text || !Month.TryParse(text, out var month, out _)) continue;
            if (!firstReported.TryGetValue(unit, out var first) || month < first) firstReported[unit] = month;
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
        var submissions = new EventLog.FieldQuery(StreamIds.ReportPrefix, ["unit", "month", "submittedAt", "onTime"], asOf)
        {
            Type = Domain.EventTypes.NameOf(typeof(Domain.Reports.ReportSubmitted)),
            LatestPerStream = true,
            Where = ("month", period.Months.Select(m => m.ToString()).ToArray()),
        };
        var reports = new Dictionary<(string, string), ReportingStatusQuery.ReportRow>();
        await foreach (var row in EventLog.FieldsAsync(context.Connection, context.Transaction, submissions, ct))
            reports[(row[0]!, row[1]!)] = new ReportingStatusQuery.ReportRow(
                DateTimeOffset.Parse(row[2]!, CultureInfo.InvariantCulture).ToUniversalTime(), bool.Parse(row[3]!));
        return reports;
    }
}
