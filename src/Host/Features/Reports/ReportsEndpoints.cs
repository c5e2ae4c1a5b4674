using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Reports;

/// <summary>Monthly reports: <c>/api/units/{unitId}/reports…</c>, one file per feature.</summary>
public sealed class ReportsEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/units/{unitId}/reports").WithTags("Reports");
        ListReportsEndpoint.Map(reports);
        GetReportEndpoint.Map(reports);
        SaveDraftEndpoint.Map(reports);
        SubmitReportEndpoint.Map(reports);
        ReturnReportEndpoint.Map(reports);
        ApproveReportEndpoint.Map(reports);
        CorrectFiguresEndpoint.Map(reports);
    }
}

internal static class ReportEndpointConventions
{
    /// <summary>What every write can answer besides 200.</summary>
    public static RouteHandlerBuilder WriteProblems(this RouteHandlerBuilder builder) => builder
        .Produces<ReportResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
