using GovReport.Domain.Reports;
using GovReport.Host.Application;
using GovReport.Host.Auth;
using GovReport.Host.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

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
        string unitId, string month, ReturnBody body, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, ReportInput.Today(now), errors, ct);
        if (target is null) return errors.ToProblem();
        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.Review, target.Unit.Value, ct))
            return ReportWriter.Forbidden(target, "return");

        var reason = ReportInput.Reason(body.Reason, errors);
        if (errors.Any) return errors.ToProblem();

        var command = new ReturnReport(target.Unit, target.Month, reason!, user.Subject, now);
        return await ReportWriter.ExecuteAsync(http, commands, context, target,
            command, reason, ct);
    }
}
