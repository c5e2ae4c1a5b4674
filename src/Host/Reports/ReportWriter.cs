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
        var metadata = Catalogue.CommandProblems.Metadata(context, reason);
        var outcome = await commands.ExecuteAsync(
            StreamIds.Report(target.Unit, target.Month), ETags.FromIfMatch(http.Request), ReportDecider.Decider, command, metadata, ct);

        if (DomainProblems.For(outcome) is { } problem) return problem;

        http.Response.Headers.ETag = ETags.For(outcome.Version);
        return TypedResults.Ok(ReportResponse.From(outcome.State, outcome.Version));
    }

    public static ProblemHttpResult Forbidden(ReportTarget target, string what) =>
        Problems.Forbidden($"You may not {what} the report of {target.Unit}.");
}
