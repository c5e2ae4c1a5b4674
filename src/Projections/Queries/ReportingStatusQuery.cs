using GovReport.Domain.Periods;
using GovReport.Projections.Figures;
using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Projections.Queries;

public sealed record UnitReportState(string Unit, string Name, string Month, string State, DateTimeOffset? SubmittedAt, bool? OnTime);

/// <summary>
/// Who reported for a period: expected counts each unit of the scope once per month of the
/// period from the unit's first month (the month it was registered, or the first month it
/// reported for, whichever is earlier — units are often registered after the history they bring);
/// submitted counts only expected reports, so no rate can pass 100 % whatever units came or went.
/// </summary>
public sealed record ReportingStatus(
    string Scope, string Period, int Expected, int Submitted, int OnTime, int Late, int Missing,
    decimal SubmittedRate, decimal OnTimeRate, IReadOnlyList<UnitReportState> Units);

public sealed class ReportingStatusQuery(NpgsqlDataSource dataSource)
{
    /// <param name="asOf">Answer from the history recorded up to this instant; null for now.</param>
    public async Task<ReportingStatus> RunAsync(string? scope, Period period, CancellationToken ct = default, DateTimeOffset? asOf = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var context = new ProjectionContext(connection, transaction, ReadModelSchema.Live);
        UnitTreeSnapshot tree;
        Dictionary<string, (string Name, Month FirstMonth)> units;
        if (asOf is null) (tree, units) = (await UnitTreeSnapshot.LoadAsync(context), await UnitsAsync(context, ct));
        else
        {
            var (then, history) = await UnitTreeHistory.AsOfAsync(context, asOf.Value, ct: ct);
            (tree, units) = (then, await ReportingHistory.UnitsAsOfAsync(context, history, asOf.Value, ct));
        }
        var reports = asOf is null ? await ReportsAsync(context, period, ct) : await ReportingHistory.SubmissionsAsOfAsync(context, period, asOf.Value, ct);

        var states = new List<UnitReportState>();
        var lineage = tree.Lineage;
        foreach (var month in period.Months)
        {
            // The scope of each month is the tree of that month; a unit merged, split or dissolved
            // by then is no longer expected, and a successor is expected from its effective month.
            var inScope = scope is null ? units.Keys.ToHashSet() : tree.ForMonth(month).SubtreeOf(scope).ToHashSet();
            foreach (var (id, (name, firstMonth)) in units.Where(u => inScope.Contains(u.Key)).OrderBy(u => u.Key, StringComparer.Ordinal))
            {
                if (lineage.RetiredBy(id, month) is not null) continue;
                var from = lineage.SuccessionsOf(id).Select(r => r.EffectiveMonth).Append(firstMonth).Min();
                if (from > month) continue;
                var report = reports.GetValueOrDefault((id, month.ToString()));
                var state = report?.SubmittedAt is null ? "missing" : report.OnTime == true ? "on-time" : "late";
                states.Add(new UnitReportState(id, name, month.ToString(), state, report?.SubmittedAt, report?.OnTime));
            }
        }
        var expected = states.Count;
        var onTime = states.Count(s => s.State == "on-time");
        var late = states.Count(s => s.State == "late");
        return new ReportingStatus(scope ?? "*", period.Id, expected, onTime + late, onTime, late, expected - onTime - late,
            Rate(onTime + late, expected), Rate(onTime, expected), states);
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    private static async Task<Dictionary<string, (string Name, Month FirstMonth)>> UnitsAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command("""
            SELECT u.unit_id, u.name, u.registered_at, (SELECT min(r.month) FROM {0}.reports r WHERE r.unit_id = u.unit_id)
            FROM {0}.units u
            """);
        var units = new Dictionary<string, (string, Month)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var registered = Month.Of(DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(2).ToOffset(ReportingCalendar.VietnamOffset).DateTime));
            var firstReported = reader.IsDBNull(3) ? registered : Month.Parse(reader.GetString(3));
            units[reader.GetString(0)] = (reader.GetString(1), firstReported < registered ? firstReported : registered);
        }
        return units;
    }

    internal sealed record ReportRow(DateTimeOffset? SubmittedAt, bool? OnTime);

    private static async Task<Dictionary<(string, string), ReportRow>> ReportsAsync(ProjectionContext context, Period period, CancellationToken ct)
    {
        // A report counts as submitted once it has been, even if it was later returned for correction.
        await using var command = context.Command(
            "SELECT unit_id, month, submitted_at, on_time FROM {0}.reports WHERE month = ANY(@months)");
        command.Parameters.AddWithValue("months", period.Months.Select(m => m.ToString()).ToArray());
        var reports = new Dictionary<(string, string), ReportRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            reports[(reader.GetString(0), reader.GetString(1))] = new ReportRow(
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetBoolean(3));
        return reports;
    }
}
