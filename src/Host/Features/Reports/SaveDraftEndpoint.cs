using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
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
        string unitId, string month, ReportBody body, ReportWrites writes, HttpContext http, CancellationToken ct) =>
        (await writes.SaveDraftAsync(unitId, month, body, ETags.FromIfMatch(http.Request), "api", ct)).ToHttp(http.Response);

}
