using GovReport.Domain.Reports;
using GovReport.Host.Application;
using GovReport.Host.Auth;
using GovReport.Host.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

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
        string unitId, string month, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, ReportInput.Today(now), errors, ct);
        if (target is null) return errors.ToProblem();
        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.Review, target.Unit.Value, ct))
            return ReportWriter.Forbidden(target, "approve");

        var command = new ApproveReport(target.Unit, target.Month, user.Subject, now);
        return await ReportWriter.ExecuteAsync(http, commands, context, target,
            command, reason: null, ct);
    }
}
