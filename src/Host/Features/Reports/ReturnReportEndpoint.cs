using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
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
        string unitId, string month, ReturnBody body, [AsParameters] ReportWriter writer, CancellationToken ct)
    {
        var (write, refused) = await writer.OpenAsync(unitId, month, UnitAction.Review, "return", ct);
        if (write is null) return refused!;

        var reason = ReportInput.Reason(body.Reason, write.Errors);
        return await write.ExecuteAsync(
            () => new ReturnReport(write.Target.Unit, write.Target.Month, reason!, write.By, write.Now), reason, ct);
    }
}
