using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Targets;

/// <summary>A year's plan: the first PUT sets it, later ones revise it and need a <see cref="Reason"/>.</summary>
public sealed record PutTargetsRequest(IReadOnlyList<TargetLineRequest?>? Targets, string? Decision, string? Reason);

/// <summary><see cref="Monthly"/>, when given, phases the annual value into twelve months, January first.</summary>
public sealed record TargetLineRequest(string? Indicator, decimal? Value, IReadOnlyList<decimal>? Monthly);

internal static class PutTargetsEndpoint
{
    public const int MaxDecisionLength = TargetWrites.MaxDecisionLength;
    public const int MaxReasonLength = TargetWrites.MaxReasonLength;

    public static RouteHandlerBuilder MapPutTargets(this RouteGroupBuilder targets) => targets
        .MapPut("/{year}", Handle)
        .RequireAuthorization(Policies.ManageCatalogue)
        .WithName("PutTargets")
        .WithSummary("Sets or revises a unit's annual plan.")
        .WithDescription("The first PUT sets the plan; a later one with different targets or decision records a revision beside it "
            + "and needs a reason. plan (assigned, council or stretch; default the deployment's official baseline) names the baseline, "
            + "each a plan of its own with its own revisions. An identical PUT records nothing. Planner or admin only. Supports If-Match.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    internal static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Handle(
        string unitId, string year, [FromQuery] string? plan, [FromBody] PutTargetsRequest body, HttpContext http,
        TargetWrites writes, CancellationToken ct)
    {
        var written = await writes.SetAsync(unitId, year, plan, body, ETags.FromIfMatch(http.Request), "api", ct);
        if (written.Problem is { } problem) return problem;
        http.Response.Headers.ETag = ETags.For(written.View!.Version);
        return TypedResults.Ok(written.View);
    }
}
