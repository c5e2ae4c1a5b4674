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
        var parsedPeriod = QueryParameters.Period(period, errors);
        var instant = QueryParameters.AsOf(asOf, errors);
        var parsedView = ComparisonView.Month;
        if (view is not null && !ComparisonViews.TryParse(view, out parsedView, out var viewError)) errors["view"] = [viewError!];
        else if (view is null && parsedPeriod is not null) parsedView = DefaultView(parsedPeriod.Kind);
        IndicatorCode? only = null;
        if (indicator is not null)
        {
            if (!IndicatorCode.TryParse(indicator, out var code, out var codeError)) errors["indicator"] = [codeError!];
            else if ((await catalogue.IndicatorsAsync(ct)).All(i => i.Code != code)) errors["indicator"] = [$"No indicator '{indicator}' is defined."];
            else only = code;
        }
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await catalogue.UnitAsync(unit.Value, ct) is null) return Problems.NotFound("unit-not-found", $"No unit '{unitId}' is registered.");

        var fresh = instant is null ? await Freshness.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct) : null;
        var report = await query.RunAsync(unit, parsedPeriod!.LastMonth, parsedView, instant, only, ct);
        return TypedResults.Ok(new PerformanceResponse(report.Unit, parsedPeriod.Id, report.View, report.From, report.To,
            report.Label, report.AsOf, report.Rows, fresh));
    }

    /// <summary>A quarter, half or year asked for on its own is compared as a whole.</summary>
    private static ComparisonView DefaultView(PeriodKind kind) => kind switch
    {
        PeriodKind.Quarter => ComparisonView.Quarter,
        PeriodKind.Half => ComparisonView.Half,
        PeriodKind.Year => ComparisonView.Year,
        _ => ComparisonView.Month,
    };
}
