using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using Npgsql;

namespace GovReport.Host.Features.Summaries;

/// <summary>The parts of a summary no existing query answers: narratives and corrections since the last summary.</summary>
public sealed class SummarySources(NpgsqlDataSource dataSource)
{
    private const string Subtree = """
        WITH RECURSIVE sub AS (
            SELECT unit_id FROM rm.units WHERE unit_id = @scope
            UNION SELECT u.unit_id FROM rm.units u JOIN sub s ON u.parent_id = s.unit_id)
        """;

    /// <summary>Difficulties and proposals from the submitted reports of the scope's units for the month.</summary>
    public async Task<IReadOnlyList<UnitNarrative>> NarrativesAsync(string scope, Month month, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Subtree + """
            SELECT r.unit_id, u.name, r.narrative->>'difficulties', r.narrative->>'proposals'
            FROM rm.reports r JOIN rm.units u ON u.unit_id = r.unit_id
            WHERE r.unit_id IN (SELECT unit_id FROM sub) AND r.month = @month
              AND r.submitted_at IS NOT NULL AND r.narrative IS NOT NULL
            ORDER BY r.unit_id
            """);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("month", month.ToString());
        var narratives = new List<UnitNarrative>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var difficulties = Text(reader, 2);
            var proposals = Text(reader, 3);
            if (difficulties is not null || proposals is not null)
                narratives.Add(new UnitNarrative(reader.GetString(0), reader.GetString(1), difficulties, proposals));
        }
        return narratives;
    }

    /// <summary>
    /// Official figures of the scope's units that differ now from what they were when the previous
    /// summary was published: the corrections a reader of that summary has not seen.
    /// </summary>
    public async Task<IReadOnlyList<CorrectedFigure>> CorrectedSinceAsync(string scope, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Subtree + """
            SELECT n.unit_id, f.key, n.month, (o.figures ->> f.key)::numeric, (f.value #>> '{}')::numeric
            FROM rm.official_figure_sets n
            JOIN rm.official_figure_sets o
              ON o.unit_id = n.unit_id AND o.month = n.month
             AND o.valid_from <= @since AND (o.valid_to IS NULL OR o.valid_to > @since)
            CROSS JOIN LATERAL jsonb_each(n.figures) f
            WHERE n.unit_id IN (SELECT unit_id FROM sub) AND n.valid_to IS NULL AND n.valid_from > @since
              AND o.figures ? f.key AND (o.figures ->> f.key)::numeric <> (f.value #>> '{}')::numeric
            ORDER BY 1, 2, 3
            """);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        var corrected = new List<CorrectedFigure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            corrected.Add(new CorrectedFigure(reader.GetString(0), reader.GetString(1), Month.Parse(reader.GetString(2)),
                reader.GetDecimal(3), reader.GetDecimal(4)));
        return corrected;
    }

    /// <summary>The first month anyone reported for: how far back catch-up looks when no start is configured.</summary>
    public async Task<Month?> FirstReportMonthAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT min(month) FROM rm.reports");
        return await command.ExecuteScalarAsync(ct) is string month ? Month.Parse(month) : null;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || string.IsNullOrWhiteSpace(reader.GetString(ordinal)) ? null : reader.GetString(ordinal).Trim();
}
