using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary>
/// <c>POST …/reports/{month}/submit</c>: the unit submits, optionally with final figures.
/// <see cref="SubmitReport.Judged"/> records the deadline and whether it was met on the event, so
/// a later change of calendar never rewrites past timeliness.
/// </summary>
internal static class SubmitReportEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapPost("/{month}/submit", Submit)
        .RequireAuthorization(Policies.WriteReports)
        .WithName("SubmitReport")
        .WithSummary("Submits the month's report; records the deadline and whether it was met.")
        .WriteProblems();

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Submit(
        string unitId, string month, ReportBody? body, ReportWrites writes, HttpContext http, CancellationToken ct) =>
        (await writes.SubmitAsync(unitId, month, body, ETags.FromIfMatch(http.Request), "api", ct)).ToHttp(http.Response);

}
