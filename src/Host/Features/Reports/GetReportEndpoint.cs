using GovReport.Domain;
using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary>
/// <c>GET …/reports/{month}[?asOf=instant]</c>: the report folded from its stream, or from the
/// events recorded up to <c>asOf</c>, which is how an auditor sees what it said on a past day.
/// </summary>
internal static class GetReportEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapGet("/{month}", Get)
        .RequireAuthorization(Policies.ReadFigures)
        .WithName("GetReport")
        .WithSummary("One unit's report for a month, now or as recorded up to asOf.")
        .Produces<ReportResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Get(
        string unitId, string month, string? asOf, HttpContext http,
        StreamCommands commands, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        ReportInput.TryParseRoute(unitId, month, Features.Periods.PeriodInput.Today(clock), errors, out var unit, out var parsedMonth);
        var instant = errors.Instant("asOf", asOf);
        if (errors.Any) return errors.ToProblem();
        if (!await access.CanReadAsync(unit.Value, ct))
            return Problems.Forbidden($"You may not read the reports of {unit}.");

        var (report, version) = await commands.LoadAsync(
            StreamIds.Report(unit, parsedMonth), ReportDecider.Decider, instant, ct);
        if (version == 0)
            return Problems.NotFound("report-not-found", instant is null
                ? $"{unit} has no report for {parsedMonth}."
                : $"{unit} had no report for {parsedMonth} as of {instant:O}.");

        http.Response.Headers.ETag = ETags.For(version);
        return TypedResults.Ok(ReportResponse.From(report, version));
    }
}
