using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
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
    public async Task<ReportingStatus> RunAsync(string? scope, Period period, CancellationToken ct = default, DateTimeOffset? asOf = null) =>
        (await RunWithParentsAsync(scope, period, ct, asOf)).Status;

    /// <summary>
    /// <see cref="RunAsync"/>, and for a live answer each unit's parent in the catalogue today
    /// (the tree the answer was read with), so a caller grouping the units by branch need not
    /// read the tree again; null as of an instant (the tree read then is the past one).
    /// </summary>
    public async Task<(ReportingStatus Status, IReadOnlyDictionary<string, string?>? Parents)> RunWithParentsAsync(
        string? scope, Period period, CancellationToken ct = default, DateTimeOffset? asOf = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var context = new ProjectionContext(connection, transaction, ReadModelSchema.Live);
        UnitTreeSnapshot tree;
        Dictionary<string, (string Name, Month FirstMonth)> units;
        Dictionary<(string, string), ReportRow> reports;
        if (asOf is null)
        {
            (tree, var registered, reports) = await LiveAsync(connection, transaction, period, ct);
            units = await UnitsAsync(context, period, registered, reports, ct);
        }
        else
        {
            var (then, history) = await UnitTreeHistory.AsOfAsync(context, asOf.Value, ct: ct);
            (tree, units) = (then, await ReportingHistory.UnitsAsOfAsync(context, history, asOf.Value, ct));
            reports = await ReportingHistory.SubmissionsAsOfAsync(context, period, asOf.Value, ct);
        }

        var states = new List<UnitReportState>();
        var lineage = tree.Lineage;
        var ordered = units.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        foreach (var month in period.Months)
        {
            // The scope of each month is the tree of that month; a unit merged, split or dissolved
            // by then is no longer expected, and a successor is expected from its effective month.
            var inScope = scope is null ? null : tree.ForMonth(month).SubtreeOf(scope).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, (name, firstMonth)) in ordered)
            {
                if (inScope is not null && !inScope.Contains(id)) continue;
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
        var status = new ReportingStatus(scope ?? "*", period.Id, expected, onTime + late, onTime, late, expected - onTime - late,
            Rate(onTime + late, expected), Rate(onTime, expected), states);
        return (status, asOf is null ? units.Keys.ToDictionary(u => u, tree.ParentOf, StringComparer.Ordinal) : null);
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The tree, the units and the period's reports, in one round trip instead of five (the tree
    /// as <see cref="UnitTreeSnapshot.LoadAsync"/> reads it: today's parents, the aggregations,
    /// the restructurings not reverted).
    /// </summary>
    private static async Task<(UnitTreeSnapshot, List<(string Id, string Name, DateTimeOffset Registered)>, Dictionary<(string, string), ReportRow>)> LiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Period period, CancellationToken ct)
    {
        const string rm = ReadModelSchema.Live;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT unit_id, parent_id, name, registered_at FROM {rm}.units"),
                new NpgsqlBatchCommand($"SELECT code, aggregation FROM {rm}.indicators"),
                new NpgsqlBatchCommand($"SELECT body::text FROM {rm}.restructurings WHERE reverted_at IS NULL ORDER BY seq"),
                // A report counts as submitted once it has been, even if it was later returned for correction.
                new NpgsqlBatchCommand($"SELECT unit_id, month, submitted_at, on_time FROM {rm}.reports WHERE month = ANY($1)")
                    { Parameters = { new() { Value = period.Months.Select(m => m.ToString()).ToArray() } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var units = new List<(string, string, DateTimeOffset)>();
        while (await reader.ReadAsync(ct))
        {
            parents[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            units.Add((reader.GetString(0), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        await reader.NextResultAsync(ct);
        var aggregations = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) aggregations[reader.GetString(0)] = reader.GetString(1);
        await reader.NextResultAsync(ct);
        var restructurings = new List<Restructuring>();
        while (await reader.ReadAsync(ct)) restructurings.Add(RestructuringRows.Parse(reader.GetString(0)));
        await reader.NextResultAsync(ct);
        var reports = new Dictionary<(string, string), ReportRow>();
        while (await reader.ReadAsync(ct))
            reports[(reader.GetString(0), reader.GetString(1))] = new ReportRow(
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetBoolean(3));
        var lineage = restructurings.Count == 0 ? Lineage.Empty : new Lineage(restructurings);
        return (new UnitTreeSnapshot(parents, aggregations, lineage), units, reports);
    }

    /// <summary>
    /// Each unit's name and first month: the month it was registered, or the first month it
    /// reported for, whichever is earlier. Only whether that first month is after one of the
    /// period's months matters here, so the period's own reports (already read) settle it for
    /// every unit with a report by the period's first month or registered by then; only the
    /// others' earlier reports are looked up. Before, every unit's first report was looked up
    /// (3,300 index probes nationally, the slowest statement of the country's dashboard).
    /// </summary>
    private static async Task<Dictionary<string, (string Name, Month FirstMonth)>> UnitsAsync(ProjectionContext context, Period period,
        List<(string Id, string Name, DateTimeOffset Registered)> registered, Dictionary<(string, string), ReportRow> reports, CancellationToken ct)
    {
        var earliestInPeriod = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (unit, month) in reports.Keys)
            if (!earliestInPeriod.TryGetValue(unit, out var seen) || string.CompareOrdinal(month, seen) < 0) earliestInPeriod[unit] = month;
        var first = period.Months.Min();
        var units = new Dictionary<string, (string, Month)>(StringComparer.Ordinal);
        var unsettled = new List<string>();
        foreach (var (id, name, at) in registered)
        {
            var month = Month.Of(DateOnly.FromDateTime(at.ToOffset(ReportingCalendar.VietnamOffset).DateTime));
            var known = earliestInPeriod.TryGetValue(id, out var e) && Month.Parse(e) < month ? Month.Parse(e) : month;
            units[id] = (name, known);
            if (known > first) unsettled.Add(id);
        }
        if (unsettled.Count == 0) return units;
        await using (var command = context.Command(
            "SELECT unit_id, min(month) FROM {0}.reports WHERE unit_id = ANY(@units) AND month < @first GROUP BY unit_id"))
        {
            command.Parameters.AddWithValue("units", unsettled.ToArray());
            command.Parameters.AddWithValue("first", first.ToString());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                units[reader.GetString(0)] = (units[reader.GetString(0)].Item1, Month.Parse(reader.GetString(1)));
        }
        return units;
    }

    internal sealed record ReportRow(DateTimeOffset? SubmittedAt, bool? OnTime);
}
