using System.Text.Json;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// One row per monthly report: its status, narrative and timeliness (its figures are read from its
/// stream, and officially from the figure models), folded by the stream's own
/// <see cref="ReportDecider.Evolve"/>. A page of events is folded in memory and each touched
/// report written once, so a rebuild costs a statement per page, not per event.
/// </summary>
internal static class ReportProjection
{
    private sealed class Row
    {
        public required string Unit;
        public required string Month;
        // The row keeps no figures, so the state it folds from holds none either.
        public MonthlyReport State = MonthlyReport.Initial;
        public long Version;
        public DateTimeOffset UpdatedAt;
        /// <summary>Whether the row was there before this page (read back, or folded from the stream's earlier events).</summary>
        public bool Stored;
    }

    /// <summary>Fewer new rows than this go in by INSERT rather than COPY.</summary>
    private const int CopyFrom = 64;

    /// <param name="earlier">
    /// Every earlier event of each report in the page, when the caller has them: the rows are folded
    /// from them, as the row itself was, rather than read back (an append saves a round trip).
    /// </param>
    public static async Task ApplyAsync(
        ProjectionContext context, IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> page,
        IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)>? earlier = null)
    {
        if (page.Count == 0) return;
        Dictionary<(string, string), Row> rows;
        if (earlier is null)
        {
            // A report whose first event here opens its stream has no row yet: nothing to load.
            var keys = new List<(string, string)>();
            var seen = new HashSet<(string, string)>();
            foreach (var (recorded, @event) in page)
            {
                var key = (@event.Unit.Value, @event.Month.ToString());
                if (seen.Add(key) && recorded.Version > 1 && context.Replay?.HasReport(key.Item1, key.Item2) != false) keys.Add(key);
            }
            rows = await LoadAsync(context, keys);
        }
        else
        {
            rows = [];
            Fold(rows, earlier);
        }
        foreach (var row in rows.Values) row.Stored = true;
        Fold(rows, page);
        // A report's row changes only under its stream's lock (in a replay, under its only
        // writer): a row not found above is new, and new rows go in by COPY.
        var added = rows.Values.Where(r => !r.Stored).ToList();
        if (added.Count >= CopyFrom)
        {
            await InsertAsync(context, added);
            await SaveAsync(context, rows.Values.Where(r => r.Stored).ToList());
        }
        else
        {
            // COPY costs two round trips: a command's few rows go in with the updates, in one.
            await SaveAsync(context, rows.Values.ToList());
        }
        foreach (var row in added) context.Replay?.ReportWritten(row.Unit, row.Month);
    }

    private static void Fold(Dictionary<(string, string), Row> rows, IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> events)
    {
        foreach (var (recorded, @event) in events)
        {
            var key = (@event.Unit.Value, @event.Month.ToString());
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = new Row { Unit = key.Item1, Month = key.Item2 };
            row.State = ReportDecider.Evolve(row.State, @event);
            row.Version = recorded.Version;
            row.UpdatedAt = recorded.RecordedAt;
        }
    }

    private static async Task<Dictionary<(string, string), Row>> LoadAsync(ProjectionContext context, List<(string Unit, string Month)> keys)
    {
        if (keys.Count == 0) return [];
        await using var command = context.Command("""
            SELECT r.unit_id, r.month, r.status, r.version, r.narrative::text, r.submitted_at, r.on_time,
                   r.deadline, r.return_reason, r.updated_at
            FROM {0}.reports r JOIN unnest(@units, @months) AS k(unit_id, month) USING (unit_id, month)
            """);
        command.Parameters.AddWithValue("units", keys.Select(k => k.Unit).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        var rows = new Dictionary<(string, string), Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (unit, month) = (reader.GetString(0), reader.GetString(1));
            var row = new Row
            {
                Unit = unit,
                Month = month,
                State = MonthlyReport.Initial with
                {
                    Status = ReportStatuses.Parse(reader.GetString(2)),
                    Unit = new UnitId(unit),
                    Month = Domain.Periods.Month.Parse(month),
                    Narrative = reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<Narrative>(reader.GetString(4), EventSerializer.Options),
                    SubmittedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    OnTime = reader.IsDBNull(6) ? null : reader.GetBoolean(6),
                    Deadline = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                    ReturnReason = reader.IsDBNull(8) ? null : reader.GetString(8),
                },
                Version = reader.GetInt64(3),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(9),
            };
            rows[(row.Unit, row.Month)] = row;
        }
        return rows;
    }

    private static async Task InsertAsync(ProjectionContext context, List<Row> rows)
    {
        if (rows.Count == 0) return;
        await using var copy = await context.Connection.BeginBinaryImportAsync(ReadModelSchema.Qualify(
            "COPY {0}.reports (unit_id, month, status, version, narrative, submitted_at, on_time, deadline, return_reason, updated_at) " +
            "FROM STDIN (FORMAT BINARY)", context.Schema));
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.Unit, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Month, NpgsqlDbType.Text);
            await copy.WriteAsync(row.State.Status.ToApiString(), NpgsqlDbType.Text);
            await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint);
            await Copy.WriteOrNullAsync(copy, Json(row.State.Narrative), NpgsqlDbType.Jsonb);
            await Copy.WriteOrNullAsync(copy, row.State.SubmittedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await Copy.WriteOrNullAsync(copy, row.State.OnTime, NpgsqlDbType.Boolean);
            await Copy.WriteOrNullAsync(copy, row.State.Deadline, NpgsqlDbType.Date);
            await Copy.WriteOrNullAsync(copy, row.State.ReturnReason, NpgsqlDbType.Text);
            await copy.WriteAsync(row.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    private static async Task SaveAsync(ProjectionContext context, List<Row> rows)
    {
        if (rows.Count == 0) return;
        await using var command = context.Command(UpsertSql);
        Bind(command.Parameters, rows);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The rows of the reports a command's events touch, folded from the stream's earlier events
    /// and these, as one statement that needs nothing back: what an append can send with itself.
    /// </summary>
    public static NpgsqlBatchCommand UpsertStatement(
        string schema, IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> earlier,
        IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> page)
    {
        var rows = new Dictionary<(string, string), Row>();
        Fold(rows, earlier);
        Fold(rows, page);
        var command = new NpgsqlBatchCommand(ReadModelSchema.Qualify(UpsertSql, schema));
        Bind(command.Parameters, rows.Values.ToList());
        return command;
    }

    private const string UpsertSql = """
        INSERT INTO {0}.reports (unit_id, month, status, version, narrative, submitted_at, on_time, deadline, return_reason, updated_at)
        SELECT * FROM unnest(@units, @months, @statuses, @versions, @narratives, @submitted, @onTime, @deadlines, @reasons, @updated)
        ON CONFLICT (unit_id, month) DO UPDATE SET status = excluded.status, version = excluded.version,
            narrative = excluded.narrative, submitted_at = excluded.submitted_at,
            on_time = excluded.on_time, deadline = excluded.deadline, return_reason = excluded.return_reason,
            updated_at = excluded.updated_at
        """;

    private static void Bind(NpgsqlParameterCollection parameters, List<Row> rows)
    {
        parameters.AddWithValue("units", rows.Select(r => r.Unit).ToArray());
        parameters.AddWithValue("months", rows.Select(r => r.Month).ToArray());
        parameters.AddWithValue("statuses", rows.Select(r => r.State.Status.ToApiString()).ToArray());
        parameters.AddWithValue("versions", rows.Select(r => r.Version).ToArray());
        parameters.AddWithValue("narratives", NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            rows.Select(r => Json(r.State.Narrative)).ToArray());
        parameters.AddWithValue("submitted", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => (object?)r.State.SubmittedAt?.ToUniversalTime() ?? DBNull.Value).ToArray());
        parameters.AddWithValue("onTime", NpgsqlDbType.Array | NpgsqlDbType.Boolean, rows.Select(r => (object?)r.State.OnTime ?? DBNull.Value).ToArray());
        parameters.AddWithValue("deadlines", NpgsqlDbType.Array | NpgsqlDbType.Date, rows.Select(r => (object?)r.State.Deadline ?? DBNull.Value).ToArray());
        parameters.AddWithValue("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => (object?)r.State.ReturnReason ?? DBNull.Value).ToArray());
        parameters.AddWithValue("updated", rows.Select(r => r.UpdatedAt).ToArray());
    }

    private static string? Json(Narrative? narrative) =>
        narrative is null ? null : JsonSerializer.Serialize(narrative, EventSerializer.Options);
}
