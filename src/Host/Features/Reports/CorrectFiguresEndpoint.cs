using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary>
/// <c>POST …/reports/{month}/corrections</c>: changes figures of a submitted or approved report.
/// The correction is a new event beside the submission, so every earlier value stays in history.
/// </summary>
internal static class CorrectFiguresEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapPost("/{month}/corrections", Correct)
        .RequireAuthorization(Policies.WriteReports)
        .WithName("CorrectReportFigures")
        .WithSummary("Corrects figures of a submitted or approved report; a reason is required.")
        .WriteProblems();

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Correct(
        string unitId, string month, CorrectionBody body, ReportWrites writes, HttpContext http, CancellationToken ct) =>
        (await writes.CorrectAsync(unitId, month, body, ETags.FromIfMatch(http.Request), "api", ct)).ToHttp(http.Response);

}
