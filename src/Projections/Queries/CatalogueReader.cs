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
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) parents[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return parents;
    }

    public async Task<IReadOnlyList<Indicator>> IndicatorsAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT code, name, measure, aggregation, direction, sector, allows_negative, min_value, max_value FROM rm.indicators ORDER BY code");
        var indicators = new List<Indicator>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            indicators.Add(new Indicator(IndicatorCode.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                Aggregations.Parse(reader.GetString(3)), Directions.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7), reader.IsDBNull(8) ? null : reader.GetDecimal(8)));
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
