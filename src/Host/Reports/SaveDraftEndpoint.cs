using GovReport.Domain.Reports;
using GovReport.Host.Application;
using GovReport.Host.Auth;
using GovReport.Host.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

/// <summary><c>PUT …/reports/{month}</c>: the unit saves its draft, replacing the draft's figures.</summary>
internal static class SaveDraftEndpoint
{
    public static void Map(RouteGroupBuilder reports) => reports
        .MapPut("/{month}", SaveDraft)
        .RequireAuthorization(Policies.WriteReports)
        .WithName("SaveReportDraft")
        .WithSummary("Saves the month's draft report (replaces the draft's figures).")
        .WriteProblems();

    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> SaveDraft(
        string unitId, string month, ReportBody body, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, today, errors, ct);
        if (target is null) return errors.ToProblem();
        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.File, target.Unit.Value, ct)) return ReportWriter.Forbidden(target, "write");

        var values = await ReportInput.FiguresAsync(body.Values, required: false, target, today, catalogue, errors, ct);
        if (body.Values is null) errors.Add("values", "Give the draft's figures: [{indicator, value}] (may be empty).");
        var narrative = ReportInput.Narrative(body.Narrative, errors);
        if (errors.Any) return errors.ToProblem();

        var command = new SaveDraft(target.Unit, target.Month, values!, narrative, user.Subject, now);
        return await ReportWriter.ExecuteAsync(http, commands, context, target,
            command, reason: null, ct);
    }
}
