using GovReport.Domain;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Audit;

public sealed record FigureHistoryResponse(string Unit, string Indicator, string Period, IReadOnlyList<FigureHistoryEntry> Entries);

/// <summary>
/// <c>GET /api/audit/history?unit=…&amp;indicator=…&amp;period=2022-08</c>: every value a figure has had,
/// who set it, when and why, folded from the report's own stream (never from a read model).
/// </summary>
internal static class FigureHistoryEndpoint
{
    private static readonly string[] CsvHeaders =
        ["version", "recordedAt", "change", "status", "value", "previous", "actor", "reason", "correlationId"];

    public static void Map(RouteGroupBuilder audit) => audit
        .MapGet("/history", Get)
        .WithName("GetFigureHistory")
        .WithSummary("Every value a unit's figure for an indicator and month has had, with who, when and why.")
        .Produces<FigureHistoryResponse>()
        .Produces(StatusCodes.Status200OK, contentType: AuditCsv.MediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<FigureHistoryResponse>, FileContentHttpResult, ProblemHttpResult>> Get(
        string? unit, string? indicator, string? period, string? format, HttpContext http, PgEventStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unitId = AuditParameters.Unit(unit, errors, required: true);
        var code = AuditParameters.Indicator(indicator, errors);
        var month = AuditParameters.Month(period, Features.Periods.PeriodInput.Today(clock), errors);
        if (errors.Any) return errors.ToProblem();

        var stream = await store.ReadStreamAsync(StreamIds.Report(unitId!.Value, month!.Value), ct: ct);
        if (stream.Count == 0)
            return Problems.NotFound("report-not-found", $"{unitId} has no report for {month}.");
        var entries = FigureHistory.Of(stream, code!.Value);

        if (!AuditCsv.Wanted(http.Request, format))
            return TypedResults.Ok(new FigureHistoryResponse(unitId.Value.Value, code.Value.Value, month.Value.ToString(), entries));
        return AuditCsv.File($"history-{unitId}-{code}-{month}.csv", CsvHeaders, entries.Select(e => (IReadOnlyList<object?>)
            [e.Version, e.RecordedAt, e.Change, e.Status, e.Value, e.Previous, e.Actor, e.Reason, e.CorrelationId]));
    }
}
