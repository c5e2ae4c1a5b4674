using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using GovReport.Domain.Targets;
using GovReport.Host.Features.Targets;

namespace GovReport.Host.Features.Performance;

/// <summary>
/// How current an answer from the asynchronous read models is, and which events they skipped
/// (empty unless a projection met an event it cannot fold; see GET /api/admin/projections).
/// </summary>
public sealed record FreshnessView(bool CaughtUp, long PendingEvents, double LagSeconds, IReadOnlyList<SkippedEventView> Skipped)
{
    /// <summary>Waits (bounded) for the projections to reach what was committed before the read, and says how that went.</summary>
    public static async Task<FreshnessView> AfterWaitAsync(ProjectionFreshness freshness, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        var caughtUp = await freshness.WaitUntilFreshAsync(wait, ct);
        var skipped = await freshness.SkippedAsync(ct);
        return new FreshnessView(caughtUp.Reached, caughtUp.Lag.PendingEvents, Math.Round(caughtUp.Lag.Age(clock.GetUtcNow()).TotalSeconds, 3),
            skipped.Select(SkippedEventView.From).ToList());
    }
}

/// <summary>An event a projection skipped: where it lies in the log (transaction/sequence) and why.</summary>
public sealed record SkippedEventView(string Projection, string Position, long Sequence, string Stream, string Type, string Error,
    DateTimeOffset FailedAt, int Attempts, DateTimeOffset? ResolvedAt)
{
    public static SkippedEventView From(Projections.Poison.ProjectionFailure f) =>
        new(f.Projection, f.Position.ToString(), f.Position.Sequence, f.StreamId, f.EventType, f.Error, f.LastFailedAt, f.Attempts, f.ResolvedAt);
}

public sealed record PerformanceResponse(
    string Unit, string Period, string View, string From, string To, string Label, DateTimeOffset? AsOf,
    IReadOnlyList<PerformanceRow> Rows, FreshnessView? Freshness);

/// <summary>GET /api/units/{unitId}/performance: a unit's figures against plan and last year.</summary>
public sealed class PerformanceEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/units/{unitId}/performance", GetAsync)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetPerformance")
            .WithSummary("Actual against plan and the same period last year, for every indicator of a unit.")
            .WithDescription("plan (assigned, council or stretch; default the deployment's official baseline) picks the plan the "
                + "rows are held to; plan=all answers the official baseline's rows with every baseline's target side by side in plans.")
            .WithTags("Comparisons");

    public static async Task<Results<Ok<PerformanceResponse>, ProblemHttpResult>> GetAsync(
        string unitId, string? period, string? view, string? asOf, string? indicator, string? plan,
        CatalogueReader catalogue, CallerAccess access, PerformanceQuery query, ProjectionFreshness freshness,
        IOptions<ProjectionOptions> options, IOptions<PlanOptions> plans, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!UnitId.TryParse(unitId, out var unit, out var unitError)) errors.Add("unitId", unitError!);
        var sideBySide = string.Equals(plan?.Trim(), PlanInput.All, StringComparison.OrdinalIgnoreCase);
        var baseline = errors.Baseline(sideBySide ? null : plan, plans.Value);
        var request = await PerformanceRequest.ParseAsync(period, view, asOf, indicator, Features.Periods.PeriodInput.Today(clock), catalogue, errors, ct);
        if (request is null) return errors.ToProblem();
        if (await catalogue.UnitAsync(unit.Value, ct) is null) return Problems.NotFound("unit-not-found", $"No unit '{unitId}' is registered.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Problems.Forbidden($"You may not read the figures of {unit}.");

        var fresh = request.AsOf is null ? await FreshnessView.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct) : null;
        var report = await query.RunAsync(unit, request.Period.LastMonth, request.View, request.AsOf, request.Indicator, ct, baseline!.Value);
        var rows = sideBySide ? await WithEveryBaselineAsync(report.Rows, unit, request, query, ct) : report.Rows;
        return TypedResults.Ok(new PerformanceResponse(report.Unit, request.Period.Id, report.View, report.From, report.To,
            report.Label, report.AsOf, rows, fresh));
    }

    /// <summary>
    /// plan=all: the official baseline's rows, each carrying every baseline's target side by side.
    /// The actual is the same whichever plan it is held to, so each baseline is only a plan lookup more.
    /// </summary>
    private static async Task<IReadOnlyList<PerformanceRow>> WithEveryBaselineAsync(
        IReadOnlyList<PerformanceRow> rows, UnitId unit, PerformanceRequest request, PerformanceQuery query, CancellationToken ct)
    {
        var byBaseline = new Dictionary<string, IReadOnlyDictionary<string, PerformanceRow>>(StringComparer.Ordinal);
        foreach (var baseline in PlanBaselines.All)
        {
            var other = await query.RunAsync(unit, request.Period.LastMonth, request.View, request.AsOf, request.Indicator, ct, baseline);
            byBaseline[baseline.ToApiString()] = other.Rows.ToDictionary(r => r.Indicator, StringComparer.Ordinal);
        }
        var shown = rows.Select(r => r.Indicator).ToHashSet(StringComparer.Ordinal);
        // A row only another baseline plans (no figure, no official target) still belongs on the page.
        var extra = byBaseline.Values.SelectMany(b => b.Values).Where(r => shown.Add(r.Indicator)).Select(r => r with { Target = null, PercentOfTarget = null, Status = "no-target", Plan = null });
        return rows.Concat(extra).Select(r => r with
        {
            Plans = byBaseline.ToDictionary(b => b.Key,
                b => b.Value.TryGetValue(r.Indicator, out var other) ? BaselineComparison.Of(other) : new BaselineComparison(null, null, "no-target", null),
                StringComparer.Ordinal),
        }).ToList();
    }
}
