using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

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
        string unitId, string month, CorrectionBody body, [AsParameters] ReportWriter writer, CancellationToken ct)
    {
        var (write, refused) = await writer.OpenAsync(unitId, month, UnitAction.Correct, "correct", ct);
        if (write is null) return refused!;

        var values = await write.FiguresAsync(body.Values, required: true, ct);
        var reason = ReportInput.Reason(body.Reason, write.Errors);
        return await write.ExecuteAsync(
            () => new CorrectFigures(write.Target.Unit, write.Target.Month, values!, reason!, write.By, write.Now), reason, ct);
    }
}
