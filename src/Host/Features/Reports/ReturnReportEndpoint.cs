using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary><c>POST …/reports/{month}/return</c>: an approver of the unit's subtree sends it back with a reason.</summary>
internal static class ReturnReportEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapPost("/{month}/return", Return)
        .RequireAuthorization(Policies.ApproveReports)
        .WithName("ReturnReport")
        .WithSummary("Sends a submitted report back to its unit; a reason is required.")
        .WriteProblems();

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Return(
        string unitId, string month, ReturnBody body, ReportWrites writes, HttpContext http, CancellationToken ct) =>
        (await writes.ReturnAsync(unitId, month, body, ETags.FromIfMatch(http.Request), "api", ct)).ToHttp(http.Response);

}
