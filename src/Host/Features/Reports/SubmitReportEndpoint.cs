using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using GovReport.Projections;
using GovReport.Host.Infrastructure.Daemon;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Reports;

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
        string unitId, string month, ReportBody? body, [AsParameters] ReportWriter writer, NpgsqlDataSource dataSource,
        ProjectionFreshness freshness, IOptions<ProjectionOptions> options, CancellationToken ct)
    {
        var (write, refused) = await writer.OpenAsync(unitId, month, UnitAction.File, "submit", ct);
        if (write is null) return refused!;

        var values = await write.FiguresAsync(body?.Values, required: false, ct);
        var narrative = ReportInput.Narrative(body?.Narrative, write.Errors);
        // Read only for a submission that will run: the checks warn, they never refuse. The history is
        // the official figures, folded asynchronously: wait (bounded, as reads do) for earlier months to land.
        QualityContext? quality = null;
        if (!write.Errors.Any)
        {
            await freshness.WaitUntilFreshAsync(options.Value.ReadWait, ct);
            quality = await UnitHistory.QualityContextAsync(dataSource, writer.Catalogue, write.Target.Unit, write.Target.Month, ct);
        }
        return await write.ExecuteAsync(() => SubmitReport.Judged(write.Calendar, write.Target.Level,
            write.Target.Unit, write.Target.Month, values, narrative, write.By, write.Now) with { Quality = quality }, reason: null, ct);
    }
}
