using GovReport.Domain;
using GovReport.Domain.Errors;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Api;
using GovReport.Host.Application;
using GovReport.Host.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Reports;

/// <summary>Runs a report command on its stream and answers with the report as it now stands.</summary>
internal static class ReportWriter
{
    public static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> ExecuteAsync(
        HttpContext http,
        StreamCommands commands,
        RequestContext context,
        ReportTarget target,
        ReportCommand command,
        string? reason,
        CancellationToken ct)
    {
        var user = context.CurrentUser!;
        var metadata = new EventMetadata(Actor: user.Subject, Source: "api", CorrelationId: context.CorrelationId, Reason: reason);
        var outcome = await commands.ExecuteAsync(
            StreamIds.Report(target.Unit, target.Month), ETags.FromIfMatch(http.Request), ReportDecider.Decider, command, metadata, ct);

        if (outcome.StaleVersion)
            return Problems.PreconditionFailed(
                $"The report for {target.Unit} {target.Month} is at version {outcome.Version}; read it again and retry.");
        if (outcome.Error is { } error)
            return error.Code switch
            {
                "invalid-transition" => Problems.Conflict(error.Code, error.Message),
                ReportDecider.ApproverIsSubmitter => Problems.Forbidden(error.Message, error.Code),
                _ => Problems.Create(StatusCodes.Status400BadRequest, error.Code, "The request is not valid.", error.Message,
                    new Dictionary<string, string[]> { [error.Field ?? "body"] = [error.Message] }),
            };

        http.Response.Headers.ETag = ETags.For(outcome.Version);
        return TypedResults.Ok(ReportResponse.From(outcome.State, outcome.Version));
    }

    public static ProblemHttpResult Forbidden(ReportTarget target, string what) =>
        Problems.Forbidden($"You may not {what} the report of {target.Unit}.");
}
