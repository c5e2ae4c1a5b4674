using Npgsql;

namespace GovReport.Host.Features.Reports;

public sealed record QueuedReport(string Unit, string UnitName, string Month, DateTimeOffset? SubmittedAt, bool? OnTime, long Version);

/// <summary>
/// Submitted reports awaiting review under the given units (their whole subtrees), or everywhere:
/// one statement from the inline report model, oldest submission first.
/// </summary>
public sealed class ReviewQueue(NpgsqlDataSource dataSource)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<QueuedReport>> SubmittedAsync(IReadOnlyCollection<string>? under, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            WITH RECURSIVE scope (unit_id, depth) AS (
                SELECT unit_id, 0 FROM rm.units WHERE @all OR unit_id = ANY(@units)
                UNION
                SELECT u.unit_id, s.depth + 1 FROM rm.units u JOIN scope s ON u.parent_id = s.unit_id WHERE s.depth < 64)
            SELECT r.unit_id, u.name, r.month, r.submitted_at, r.on_time, r.version
            FROM rm.reports r JOIN rm.units u ON u.unit_id = r.unit_id
            WHERE r.status = 'submitted' AND r.unit_id IN (SELECT unit_id FROM scope)
            ORDER BY r.submitted_at, r.unit_id, r.month
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("all", under is null);
        command.Parameters.AddWithValue("units", (under ?? []).ToArray());
        command.Parameters.AddWithValue("limit", Limit);
        var rows = new List<QueuedReport>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new QueuedReport(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetBoolean(4),
                reader.GetInt64(5)));
        return rows;
    }
}
