using GovReport.EventStore;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Catalogue;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using GovReport.Domain.Targets;

namespace GovReport.Host.Features.Targets;

internal static class GetTargetsEndpoint
{
    public static RouteHandlerBuilder MapGetTargets(this RouteGroupBuilder targets) => targets
        .MapGet("/{year}", Handle)
        .RequireAuthorization(Policies.ReadFigures)
        .WithName("GetTargets")
        .WithSummary("A unit's annual plan: the current revision and every revision, oldest first.")
        .WithDescription("With asOf (an ISO 8601 instant with a time zone) the plan is answered from the history recorded up to "
            + "that instant. plan (assigned, council or stretch; default the deployment's official baseline) picks the baseline. "
            + "The ETag is the plan stream's version.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Handle(
        string unitId, string year, [FromQuery] string? asOf, [FromQuery] string? plan, HttpContext http,
        PgEventStore store, CatalogueReader catalogue, IOptions<PlanOptions> plans, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unit = errors.UnitId("unitId", unitId);
        var planYear = errors.Year("year", year, Features.Periods.PeriodInput.Today(clock));
        var instant = errors.Instant("asOf", asOf);
        var baseline = errors.Baseline(plan, plans.Value);
        if (errors.Any) return errors.ToProblem();

        var view = await PlanHistory.LoadAsync(store, unit!.Value, planYear!.Value, null, instant, ct, baseline!.Value);
        if (view is null)
        {
            return await catalogue.UnitAsync(unit.Value.Value, ct) is null
                ? Problems.NotFound("unit-not-found", $"No unit '{unit}' is registered.")
                : Problems.NotFound("plan-not-found", instant is null
                    ? $"'{unit}' has no {baseline.Value.ToApiString()} plan for {planYear}."
                    : $"'{unit}' had no {baseline.Value.ToApiString()} plan for {planYear} as of {instant:O}.");
        }

        http.Response.Headers.ETag = ETags.For(view.Version);
        return TypedResults.Ok(view);
    }
}
