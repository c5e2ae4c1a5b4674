using System.Runtime.CompilerServices;
using GovReport.Projections.Figures;
using Npgsql;

namespace GovReport.Projections.Queries;

/// <summary>One unit's official figures for one month, as they stand now, and since when.</summary>
public sealed record OfficialFigureSet(string Unit, string Month, IReadOnlyDictionary<string, decimal> Figures, DateTimeOffset Since);

/// <summary>
/// The official (submitted or approved, corrected) figures of units as they stand now, each
/// unit's own and never a roll-up: what leaves the service for another system, which aggregates
/// for itself. Rows are yielded as the database sends them, so an export of the whole country
/// holds one unit-month in memory at a time.
/// </summary>
public sealed class OfficialFiguresReader(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<OfficialFigureSet> ReadAsync(
        IReadOnlyList<string> units, IReadOnlyList<string> months, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unit_id, month, stored_figures::text, valid_from FROM rm.official_figure_sets
            WHERE unit_id = ANY($1) AND month = ANY($2) AND valid_to IS NULL
            ORDER BY unit_id, month
            """);
        command.Parameters.Add(new() { Value = units.ToArray() });
        command.Parameters.Add(new() { Value = months.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
            yield return new OfficialFigureSet(reader.GetString(0), reader.GetString(1), FigureJson.Parse(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3));
    }
}
