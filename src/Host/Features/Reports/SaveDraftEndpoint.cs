using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

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
        string unitId, string month, ReportBody body, [AsParameters] ReportWriter writer, CancellationToken ct)
    {
        var (write, refused) = await writer.OpenAsync(unitId, month, UnitAction.File, "write", ct);
        if (write is null) return refused!;

        var values = await write.FiguresAsync(body.Values, required: false, ct);
        if (body.Values is null) write.Errors.Add("values", "Give the draft's figures: [{indicator, value}] (may be empty).");
        var narrative = ReportInput.Narrative(body.Narrative, write.Errors);
        return await write.ExecuteAsync(
            () => new SaveDraft(write.Target.Unit, write.Target.Month, values!, narrative, write.By, write.Now), reason: null, ct);
    }
}
