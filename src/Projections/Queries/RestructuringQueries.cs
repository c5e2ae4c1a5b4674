using GovReport.Domain.Restructurings;
using GovReport.Projections.Figures;
using Npgsql;

namespace GovReport.Projections.Queries;

/// <summary>A restructuring as recorded, with who recorded it and whether (and why) it was reverted.</summary>
public sealed record RestructuringRow(Restructuring Restructuring, DateTimeOffset RecordedAt, string? RecordedBy,
    DateTimeOffset? RevertedAt, string? RevertReason);

/// <summary>Reads the restructurings read model, and the catalogue facts a new restructuring is judged against.</summary>
public sealed class RestructuringQueries(NpgsqlDataSource dataSource)
{
    public const int MaxListed = 1_000;

    private const string Columns = "body::text, recorded_at, recorded_by, reverted_at, revert_reason";

    /// <summary>Those naming <paramref name="unit"/> (every one without), in the order recorded.</summary>
    public async Task<IReadOnlyList<RestructuringRow>> ListAsync(string? unit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM rm.restructurings WHERE $1::text IS NULL OR units && ARRAY[$1::text] ORDER BY seq LIMIT {MaxListed}");
        command.Parameters.Add(new() { Value = (object?)unit ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadAsync(command, ct);
    }

    public async Task<RestructuringRow?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM rm.restructurings WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>The restructuring in effect that merges, splits or dissolves the unit; null when none does.</summary>
    public async Task<Restructuring?> RetirementAsync(string unit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM rm.restructurings
            WHERE units && ARRAY[$1::text] AND reverted_at IS NULL AND kind IN ('merge', 'split', 'dissolve')
            ORDER BY seq
            """);
        command.Parameters.Add(new() { Value = unit });
        return new Lineage((await ReadAsync(command, ct)).Select(r => r.Restructuring)).RetirementOf(unit);
    }

    /// <summary>
    /// The merges, splits and dissolutions in effect (none reverted) naming any of <paramref name="units"/>
    /// (every one when null), as a lineage: what a page listing units or an import of many asks of
    /// each unit (<see cref="Lineage.RetirementOf"/>, <see cref="Lineage.RetiredBy"/>,
    /// <see cref="Lineage.SuccessionsOf"/>) in one read rather than one per unit.
    /// </summary>
    public async Task<Lineage> RetirementsAsync(IReadOnlyCollection<string>? units = null, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM rm.restructurings
            WHERE reverted_at IS NULL AND kind IN ('merge', 'split', 'dissolve') AND ($1::text[] IS NULL OR units && $1::text[])
            ORDER BY seq
            """);
        command.Parameters.Add(new() { Value = (object?)units?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        var rows = await ReadAsync(command, ct);
        return rows.Count == 0 ? Lineage.Empty : new Lineage(rows.Select(r => r.Restructuring));
    }

    /// <summary>Each unit's latest month with an approved report (absent: none).</summary>
    public async Task<IReadOnlyDictionary<string, string>> LastApprovedAsync(IReadOnlyCollection<string> units, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT unit_id, max(month) FROM rm.reports WHERE unit_id = ANY($1) AND status = 'approved' GROUP BY unit_id");
        command.Parameters.Add(new() { Value = units.ToArray() });
        var months = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) months[reader.GetString(0)] = reader.GetString(1);
        return months;
    }

    private static async Task<IReadOnlyList<RestructuringRow>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<RestructuringRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new RestructuringRow(RestructuringRows.Parse(reader.GetString(0)), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }
}
