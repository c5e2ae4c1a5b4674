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
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { IndicatorsCommand() } };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadIndicatorsAsync(reader, ct);
    }

    /// <summary>The catalogue as last read and the fingerprint it was read under (null: not read yet).</summary>
    private volatile CatalogueSnapshot? _last;

    /// <summary>
    /// The whole catalogue, for a batch: its rows only when they changed since this reader last
    /// read them (<see cref="CatalogueSnapshot"/>), else one row saying so. Read its answer with
    /// <see cref="ReadIndicatorsAsync(NpgsqlDataReader, CancellationToken)"/>.
    /// </summary>
    internal NpgsqlBatchCommand IndicatorsCommand()
    {
        var last = _last;
        return new NpgsqlBatchCommand(CatalogueSnapshot.Sql)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = (object?)last?.Table ?? DBNull.Value },
                new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = (object?)last?.Count ?? DBNull.Value },
                new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = (object?)last?.Revisions ?? DBNull.Value },
            },
        };
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
        return await ReadIndicatorRowsAsync(reader, ct);
    }

    /// <summary>
    /// The answer to <see cref="IndicatorsCommand"/>, the reader's current result: the catalogue
    /// read before when its fingerprint has not moved, else the rows sent, parsed and kept.
    /// </summary>
    internal async Task<IReadOnlyList<Indicator>> ReadIndicatorsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var indicators = new List<Indicator>();
        long? table = null;
        long count = 0, revisions = 0;
        while (await reader.ReadAsync(ct))
        {
            (table, count, revisions) = (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (!reader.IsDBNull(CatalogueSnapshot.Columns)) indicators.Add(ReadIndicator(reader, CatalogueSnapshot.Columns));
        }
        var last = _last;
        if (indicators.Count == 0 && last is not null && last.Table == table && last.Count == count && last.Revisions == revisions)
            return last.Indicators;
        var read = indicators.ToArray();
        _last = new CatalogueSnapshot(table, count, revisions, read);
        return read;
    }

    /// <summary>The indicators of the reader's current result, selected as <see cref="IndicatorColumns"/>.</summary>
    private static async Task<IReadOnlyList<Indicator>> ReadIndicatorRowsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var indicators = new List<Indicator>();
        while (await reader.ReadAsync(ct)) indicators.Add(ReadIndicator(reader, 0));
        return indicators;
    }

    /// <summary>One indicator, its <see cref="IndicatorColumns"/> starting at column <paramref name="at"/>.</summary>
    private static Indicator ReadIndicator(NpgsqlDataReader reader, int at) =>
        new(IndicatorCode.Parse(reader.GetString(at)), reader.GetString(at + 1), reader.GetString(at + 2),
            Aggregations.Parse(reader.GetString(at + 3)), Directions.Parse(reader.GetString(at + 4)),
            reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5), reader.GetBoolean(at + 6),
            reader.IsDBNull(at + 7) ? null : reader.GetDecimal(at + 7), reader.IsDBNull(at + 8) ? null : reader.GetDecimal(at + 8),
            reader.IsDBNull(at + 9) || reader.IsDBNull(at + 10) ? null : new RatioDefinition(IndicatorCode.Parse(reader.GetString(at + 9)),
                IndicatorCode.Parse(reader.GetString(at + 10)), reader.IsDBNull(at + 11) ? RatioDefinition.DefaultScale : reader.GetDecimal(at + 11)),
            reader.IsDBNull(at + 12) ? null : CrossIndicatorRules.Of(reader.GetFieldValue<string[]>(at + 12).Select(IndicatorCode.Parse)));

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
