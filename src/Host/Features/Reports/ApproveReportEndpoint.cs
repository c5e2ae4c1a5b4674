using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary><c>POST …/reports/{month}/approve</c>: an approver of the unit's subtree accepts it; it is locked from then on.</summary>
internal static class ApproveReportEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapPost("/{month}/approve", Approve)
        .RequireAuthorization(Policies.ApproveReports)
        .WithName("ApproveReport")
        .WithSummary("Approves a submitted report; afterwards only corrections change it.")
        .WriteProblems();

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Approve(
        string unitId, string month, ReportWrites writes, HttpContext http, CancellationToken ct) =>
        (await writes.ApproveAsync(unitId, month, ETags.FromIfMatch(http.Request), "api", ct)).ToHttp(http.Response);

}
