using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Host.Application;
using GovReport.Host.Auth;
using GovReport.Host.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

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
        string unitId, string month, ReportBody? body, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, today, errors, ct);
        if (target is null) return errors.ToProblem();
        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.File, target.Unit.Value, ct)) return ReportWriter.Forbidden(target, "submit");

        var values = await ReportInput.FiguresAsync(body?.Values, required: false, target, today, catalogue, errors, ct);
        var narrative = ReportInput.Narrative(body?.Narrative, errors);
        if (errors.Any) return errors.ToProblem();

        var command = SubmitReport.Judged(http.RequestServices.GetRequiredService<ReportingCalendar>(), target.Level,
            target.Unit, target.Month, values, narrative, user.Subject, now);
        return await ReportWriter.ExecuteAsync(http, commands, context, target,
            command, reason: null, ct);
    }
}
