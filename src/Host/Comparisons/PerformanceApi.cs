using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Api;
using GovReport.Host.Auth;
using GovReport.Host.Daemon;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Comparisons;

/// <summary>How current an answer from the asynchronous read models is.</summary>
public sealed record Freshness(bool CaughtUp, long PendingEvents, double LagSeconds)
{
    /// <summary>Waits (bounded) for the projections to reach what was committed before the read, and says how that went.</summary>
    public static async Task<Freshness> AfterWaitAsync(ProjectionFreshness freshness, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        var caughtUp = await freshness.WaitForCatchUpAsync(wait, ct);
        return new Freshness(caughtUp.Reached, caughtUp.Lag.PendingEvents, Math.Round(caughtUp.Lag.Age(clock.GetUtcNow()).TotalSeconds, 3));
    }
}

public sealed record PerformanceResponse(
    string Unit, string Period, string View, string From, string To, string Label, DateTimeOffset? AsOf,
    IReadOnlyList<PerformanceRow> Rows, Freshness? Freshness);

/// <summary>GET /api/units/{unitId}/performance: a unit's figures against plan and last year.</summary>
public sealed class PerformanceApi : IApiModule
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/units/{unitId}/performance", GetAsync)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetPerformance")
            .WithSummary("Actual against plan and the same period last year, for every indicator of a unit.")
            .WithTags("Comparisons");

    public static async Task<Results<Ok<PerformanceResponse>, ProblemHttpResult>> GetAsync(
        string unitId, string? period, string? view, string? asOf, string? indicator,
        CatalogueReader catalogue, PerformanceQuery query, ProjectionFreshness freshness,
        IOptions<ProjectionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!UnitId.TryParse(unitId, out var unit, out var unitError)) errors["unitId"] = [unitError!];
        var request = await ComparisonRequest.ParseAsync(period, view, asOf, indicator, Periods.PeriodInput.Today(clock), catalogue, errors, ct);
        if (request is null) return Problems.Validation(errors);
        if (await catalogue.UnitAsync(unit.Value, ct) is null) return Problems.NotFound("unit-not-found", $"No unit '{unitId}' is registered.");

        var fresh = request.AsOf is null ? await Freshness.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct) : null;
        var report = await query.RunAsync(unit, request.Period.LastMonth, request.View, request.AsOf, request.Indicator, ct);
        return TypedResults.Ok(new PerformanceResponse(report.Unit, request.Period.Id, report.View, report.From, report.To,
            report.Label, report.AsOf, report.Rows, fresh));
    }
}
