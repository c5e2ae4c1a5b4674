using System.Text.Json;
using GovReport.Domain.Restructurings;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Figures;

/// <summary>Reads the restructurings read model into the domain's <see cref="Lineage"/>.</summary>
public static class RestructuringRows
{
    public static Restructuring Parse(string body) => JsonSerializer.Deserialize<Restructuring>(body, EventSerializer.Options)!;

    /// <summary>Every restructuring in effect now, or as recorded (and not yet reverted) at <paramref name="asOf"/>.</summary>
    public static async Task<Lineage> LoadAsync(ProjectionContext context, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var command = context.Command("""
            SELECT body::text FROM {0}.restructurings
            WHERE (@asOf::timestamptz IS NULL AND reverted_at IS NULL)
               OR (recorded_at <= @asOf::timestamptz AND (reverted_at IS NULL OR reverted_at > @asOf::timestamptz))
            ORDER BY seq
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("asOf", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)asOf?.ToUniversalTime() ?? DBNull.Value });
        var all = new List<Restructuring>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) all.Add(Parse(reader.GetString(0)));
        return all.Count == 0 ? Lineage.Empty : new Lineage(all);
    }
}
