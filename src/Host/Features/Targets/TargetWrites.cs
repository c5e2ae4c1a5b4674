using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Targets;

/// <summary>What setting or revising a plan came to; <see cref="View"/> is the plan read back after a success.</summary>
public sealed record TargetWriteOutcome(InputErrors Errors, ProblemHttpResult? NotFound, CommandOutcome<AnnualPlan?>? Command, PlanView? View)
{
    public bool Succeeded => Command is { Succeeded: true };

    public ProblemHttpResult? Problem =>
        Errors.Any ? Errors.ToProblem()
        : NotFound is not null ? NotFound
        : Command is null ? null
        : DomainProblems.For(Command);
}

/// <summary>
/// The one write path of annual plans, for <c>PUT /api/units/{unit}/targets/{year}[?plan=]</c> and
/// the targets page alike: route, baseline, lines against the catalogue, then the plan's decider.
/// </summary>
public sealed class TargetWrites(
    RequestContext context, StreamCommands commands, PgEventStore store, CatalogueReader catalogue,
    IOptions<PlanOptions> plans, TimeProvider clock)
{
    public const int MaxDecisionLength = 200;
    public const int MaxReasonLength = 1000;

    public async Task<TargetWriteOutcome> SetAsync(
        string unitId, string year, string? plan, PutTargetsRequest body, long? expectedVersion, string source, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unit = errors.UnitId("unitId", unitId);
        var planYear = errors.Year("year", year, Features.Periods.PeriodInput.Today(clock));
        var baseline = errors.Baseline(plan, plans.Value);
        if (errors.Any) return new TargetWriteOutcome(errors, null, null, null);
        if (await catalogue.UnitAsync(unit!.Value.Value, ct) is null)
            return new TargetWriteOutcome(errors, Problems.NotFound("unit-not-found", $"No unit '{unit}' is registered."), null, null);

        var lines = await ValidateLinesAsync(errors, body.Targets, catalogue, ct);
        var decision = errors.Optional("decision", body.Decision, MaxDecisionLength);
        var reason = errors.Optional("reason", body.Reason, MaxReasonLength);
        if (errors.Any) return new TargetWriteOutcome(errors, null, null, null);

        var command = new SetAnnualTargets(unit.Value, planYear!.Value, lines, decision, reason,
            CommandProblems.Subject(context), clock.GetUtcNow(), baseline!.Value);
        var outcome = await commands.ExecuteAsync(
            StreamIds.Plan(command.Unit, command.Year, command.Baseline), expectedVersion, PlanDecider.Decider, command,
            CommandProblems.Metadata(context, reason, source), ct);
        if (!outcome.Succeeded) return new TargetWriteOutcome(errors, null, outcome, null);

        var view = await PlanHistory.LoadAsync(store, command.Unit, command.Year, outcome.Version, null, ct, command.Baseline)
            ?? throw new InvalidOperationException($"The plan {command.Unit}/{command.Year} was written but cannot be read back.");
        return new TargetWriteOutcome(errors, null, outcome, view);
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
