using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Features.Reports;

/// <summary><c>GET /api/units/{unitId}/reports[?year=2022]</c>: the unit's reports from the inline read model.</summary>
internal static class ListReportsEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapGet("", List)
        .RequireAuthorization(Policies.ReadFigures)
        .WithName("ListReports")
        .WithSummary("The unit's monthly reports, optionally for one year, oldest first.")
        .Produces<ReportList>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Results<Ok<ReportList>, ProblemHttpResult>> List(
        string unitId, int? year, CallerAccess access, NpgsqlDataSource dataSource,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!UnitId.TryParse(unitId, out var unit, out var unitError)) errors.Add("unitId", unitError!);
        if (year is { } asked && !Features.Periods.PeriodInput.TryYear(asked, Features.Periods.PeriodInput.Today(clock), out var yearError)) errors.Add("year", yearError!);
        if (errors.Any) return errors.ToProblem();
        if (!await access.CanReadAsync(unit.Value, ct))
            return Problems.Forbidden($"You may not read the reports of {unit}.");

        var rows = await ReadAsync(dataSource, unit.Value, year, ct);
        return TypedResults.Ok(new ReportList(unit.Value, year, rows));
    }

    /// <summary>The unit's reports from the inline read model, oldest first: the list endpoint's and the months page's one query.</summary>
    public static async Task<IReadOnlyList<ReportSummary>> ReadAsync(NpgsqlDataSource dataSource, string unit, int? year, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT month, status, version, submitted_at, on_time, deadline FROM rm.reports
            WHERE unit_id = @unit AND (@prefix::text IS NULL OR month LIKE @prefix)
            ORDER BY month
            """);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("prefix", year is { } y ? $"{y:D4}-%" : DBNull.Value);
        var rows = new List<ReportSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new ReportSummary(reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        return rows;
    }
}
