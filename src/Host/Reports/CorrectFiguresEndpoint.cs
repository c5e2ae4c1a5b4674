using GovReport.Domain.Reports;
using GovReport.Host.Application;
using GovReport.Host.Auth;
using GovReport.Host.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

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
        string unitId, string month, CorrectionBody body, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, today, errors, ct);
        if (target is null) return errors.ToProblem();
        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.Correct, target.Unit.Value, ct))
            return ReportWriter.Forbidden(target, "correct");

        var values = await ReportInput.FiguresAsync(body.Values, required: true, target, today, catalogue, errors, ct);
        var reason = ReportInput.Reason(body.Reason, errors);
        if (errors.Any) return errors.ToProblem();

        var command = new CorrectFigures(target.Unit, target.Month, values!, reason!, user.Subject, now);
        return await ReportWriter.ExecuteAsync(http, commands, context, target,
            command, reason, ct);
    }
}
