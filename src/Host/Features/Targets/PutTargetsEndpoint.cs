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
    public const int MaxDecisionLength = 200;
    public const int MaxReasonLength = 1000;

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
        string unitId, string year, [FromQuery] string? plan, [FromBody] PutTargetsRequest body, HttpContext http, RequestContext context,
        StreamCommands commands, PgEventStore store, CatalogueReader catalogue, IOptions<PlanOptions> plans, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unit = errors.UnitId("unitId", unitId);
        var planYear = errors.Year("year", year, Features.Periods.PeriodInput.Today(clock));
        var baseline = errors.Baseline(plan, plans.Value);
        if (errors.Any) return errors.ToProblem();
        if (await catalogue.UnitAsync(unit!.Value.Value, ct) is null)
            return Problems.NotFound("unit-not-found", $"No unit '{unit}' is registered.");


        var lines = await ValidateLinesAsync(errors, body.Targets, catalogue, ct);
        var decision = errors.Optional("decision", body.Decision, MaxDecisionLength);
        var reason = errors.Optional("reason", body.Reason, MaxReasonLength);
        if (errors.Any) return errors.ToProblem();

        var command = new SetAnnualTargets(unit.Value, planYear!.Value, lines, decision, reason,
            CommandProblems.Subject(context), clock.GetUtcNow(), baseline!.Value);
        var outcome = await commands.ExecuteAsync(
            StreamIds.Plan(command.Unit, command.Year, command.Baseline), ETags.FromIfMatch(http.Request), PlanDecider.Decider, command,
            CommandProblems.Metadata(context, reason), ct);
        if (DomainProblems.For(outcome) is { } problem) return problem;

        var view = await PlanHistory.LoadAsync(store, command.Unit, command.Year, outcome.Version, null, ct, command.Baseline)
            ?? throw new InvalidOperationException($"The plan {command.Unit}/{command.Year} was written but cannot be read back.");
        http.Response.Headers.ETag = ETags.For(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<IReadOnlyList<TargetLine>> ValidateLinesAsync(
        InputErrors errors, IReadOnlyList<TargetLineRequest?>? targets, CatalogueReader catalogue, CancellationToken ct)
    {
        if (targets is null || targets.Count == 0)
        {
            errors.Add("targets", "'targets' needs at least one line {indicator, value, monthly?}.");
            return [];
        }

        var indicators = (await catalogue.IndicatorsAsync(ct)).ToDictionary(i => i.Code);
        var seen = new HashSet<IndicatorCode>();
        var lines = new List<TargetLine>();
        for (var i = 0; i < targets.Count; i++)
        {
            var field = $"targets[{i}]";
            if (targets[i] is not { } line)
            {
                errors.Add(field, "Each target is an object {indicator, value, monthly?}.");
                continue;
            }

            Indicator? indicator = null;
            if (line.Indicator is null) errors.Add($"{field}.indicator", $"'{field}.indicator' is required.");
            else if (errors.IndicatorCode($"{field}.indicator", line.Indicator) is { } code)
            {
                if (!indicators.TryGetValue(code, out indicator))
                    errors.Add($"{field}.indicator", $"No indicator '{code}' is defined.");
                else if (!seen.Add(code))
                    errors.Add($"{field}.indicator", $"'{code}' appears more than once; give each indicator one line.");
            }

            if (line.Value is null) errors.Add($"{field}.value", $"'{field}.value' is required.");
            else if (line.Value < 0 && indicator is { AllowsNegative: false })
                errors.Add($"{field}.value", $"'{indicator.Code}' cannot be negative.");
            else if (indicator?.Range.Check(line.Value.Value, $"{field}.value", indicator.Name) is { } outOfRange)
                errors.Add(outOfRange.Field!, outOfRange.Message);

            if (line.Monthly is { } monthly)
            {
                if (monthly.Count != 12)
                    errors.Add($"{field}.monthly", $"Monthly phasing needs exactly 12 numbers, January first; got {monthly.Count}.");
                for (var m = 0; m < monthly.Count; m++)
                    if (monthly[m] < 0) errors.Add($"{field}.monthly[{m}]", "A monthly target cannot be negative.");
                    else if (indicator?.Range.Check(monthly[m], $"{field}.monthly[{m}]", indicator.Name) is { } outOfRange)
                        errors.Add(outOfRange.Field!, outOfRange.Message);
            }

            if (indicator is not null && line.Value is { } value)
                lines.Add(new TargetLine(indicator.Code, value, line.Monthly?.ToArray()));
        }

        return lines;
    }
}
