using GovReport.Domain.Catalogue;
using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Projections.Queries;

public sealed record UnitRow(string Id, string Name, string Kind, string? ParentId, string? Block, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt);

/// <summary>Reads the catalogue read models (units and indicators) as they stand.</summary>
public sealed class CatalogueReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT unit_id, name, kind, parent_id, block, registered_at, updated_at FROM rm.units ORDER BY unit_id");
        return await ReadUnitsAsync(command, ct);
    }

    public async Task<UnitRow?> UnitAsync(string unitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT unit_id, name, kind, parent_id, block, registered_at, updated_at FROM rm.units WHERE unit_id = @id");
        command.Parameters.AddWithValue("id", unitId);
        return (await ReadUnitsAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>Each unit's parent: what approver scope and cycle checks walk.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ParentsAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT unit_id, parent_id FROM rm.units");
        return await ReadParentsAsync(command, ct);
    }

    /// <summary>
    /// Each of <paramref name="units"/> and every unit above it, with its parent: all an access
    /// check walks, read in one statement instead of the whole tree (thousands of units nationally).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> AncestryAsync(IReadOnlyCollection<string> units, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH RECURSIVE chain (unit_id, parent_id, depth) AS (
                SELECT unit_id, parent_id, 0 FROM rm.units WHERE unit_id = ANY(@units)
                UNION
                SELECT u.unit_id, u.parent_id, c.depth + 1 FROM rm.units u JOIN chain c ON u.unit_id = c.parent_id WHERE c.depth < 64)
            SELECT DISTINCT unit_id, parent_id FROM chain
            """);
        command.Parameters.AddWithValue("units", units.ToArray());
        return await ReadParentsAsync(command, ct);
    }

    private static async Task<IReadOnlyDictionary<string, string?>> ReadParentsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) parents[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return parents;
    }

    internal const string IndicatorColumns = "code, name, measure, aggregation, direction, sector, allows_negative, min_value, max_value, numerator, denominator, scale, at_most";

    public async Task<IReadOnlyList<Indicator>> IndicatorsAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IndicatorColumns} FROM rm.indicators ORDER BY code");
        return await ReadIndicatorsAsync(command, ct);
    }

    /// <summary>Only the indicators named: a report's handful, not the catalogue's hundred, on every write.</summary>
    public async Task<IReadOnlyList<Indicator>> IndicatorsAsync(IEnumerable<IndicatorCode> codes, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IndicatorColumns} FROM rm.indicators WHERE code = ANY(@codes) ORDER BY code");
        command.Parameters.AddWithValue("codes", codes.Select(c => c.Value).Distinct().ToArray());
        return await ReadIndicatorsAsync(command, ct);
    }

    private static async Task<IReadOnlyList<Indicator>> ReadIndicatorsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadIndicatorsAsync(reader, ct);
    }

    /// <summary>The indicators of the reader's current result, selected as <see cref="IndicatorColumns"/>.</summary>
    internal static async Task<IReadOnlyList<Indicator>> ReadIndicatorsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var indicators = new List<Indicator>();
        while (await reader.ReadAsync(ct))
            indicators.Add(new Indicator(IndicatorCode.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                Aggregations.Parse(reader.GetString(3)), Directions.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7), reader.IsDBNull(8) ? null : reader.GetDecimal(8),
                reader.IsDBNull(9) || reader.IsDBNull(10) ? null : new RatioDefinition(IndicatorCode.Parse(reader.GetString(9)),
                    IndicatorCode.Parse(reader.GetString(10)), reader.IsDBNull(11) ? RatioDefinition.DefaultScale : reader.GetDecimal(11)),
                reader.IsDBNull(12) ? null : CrossIndicatorRules.Of(reader.GetFieldValue<string[]>(12).Select(IndicatorCode.Parse))));
        return indicators;
    }

    private static async Task<IReadOnlyList<UnitRow>> ReadUnitsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var units = new List<UnitRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            units.Add(new UnitRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return units;
    }
}
