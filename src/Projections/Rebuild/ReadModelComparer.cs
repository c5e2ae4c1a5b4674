using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Projections.Rebuild;

/// <summary>A row one schema has and the other lacks (or holds with other values).</summary>
public sealed record ReadModelDifference(string Table, string Key, string Difference);

/// <summary>
/// Compares two read-model schemas row for row. Used by verify: a fresh replay of the log must
/// equal the live models exactly, and anything else is reported by table and key.
/// </summary>
public static class ReadModelComparer
{
    // Each table with the columns that identify a row. Every column is compared.
    public static readonly IReadOnlyList<(string Table, string Key)> Tables =
    [
        ("units", "unit_id"),
        ("indicators", "code"),
        ("plan_revisions", "unit_id || '/' || year || '/' || plan || '/' || revision"),
        ("reports", "unit_id || '/' || month"),
        ("official_figures", "unit_id || '/' || month || '/' || seq"),
        ("rollups", "unit_id || '/' || month"),
        ("summaries", "summary_id"),
        ("accounts", "username"),
        ("restructurings", "id"),
        ("account_moves", "username || '/' || from_unit"),
    ];

    public static async Task<IReadOnlyList<ReadModelDifference>> CompareAsync(
        NpgsqlDataSource dataSource, string live, string replayed, int limit = 100, CancellationToken ct = default)
    {
        var (a, b) = (ReadModelSchema.Checked(live), ReadModelSchema.Checked(replayed));
        var differences = new List<ReadModelDifference>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var (table, key) in Tables)
        {
            await using var command = new NpgsqlCommand($"""
                WITH live_only AS (SELECT {key} AS k FROM (SELECT * FROM {a}.{table} EXCEPT SELECT * FROM {b}.{table}) x),
                     replay_only AS (SELECT {key} AS k FROM (SELECT * FROM {b}.{table} EXCEPT SELECT * FROM {a}.{table}) y)
                SELECT coalesce(l.k, r.k),
                       CASE WHEN l.k IS NULL THEN 'missing from the live read model'
                            WHEN r.k IS NULL THEN 'not produced by a fresh replay of the log'
                            ELSE 'differs from a fresh replay of the log' END
                FROM live_only l FULL JOIN replay_only r ON l.k = r.k
                ORDER BY 1 LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("limit", limit - differences.Count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) differences.Add(new ReadModelDifference(table, reader.GetString(0), reader.GetString(1)));
            if (differences.Count >= limit) break;
        }
        return differences;
    }
}
