using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
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
        string unitId, string month, [AsParameters] ReportWriter writer, CancellationToken ct)
    {
        var (write, refused) = await writer.OpenAsync(unitId, month, UnitAction.Review, "approve", ct);
        if (write is null) return refused!;

        return await write.ExecuteAsync(
            () => new ApproveReport(write.Target.Unit, write.Target.Month, write.By, write.Now), reason: null, ct);
    }
}
