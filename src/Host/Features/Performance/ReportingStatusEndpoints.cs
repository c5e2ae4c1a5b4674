using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Performance;

/// <summary>GET /api/reporting-status: expected, submitted, on time, late and missing reports under a scope.</summary>
public sealed class ReportingStatusEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/reporting-status", GetAsync)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetReportingStatus")
            .WithSummary("Who reported for a period, on time or late, and who is missing.")
            .WithTags("Comparisons");

    public static async Task<Results<Ok<ReportingStatus>, ProblemHttpResult>> GetAsync(
        string? period, string? scope, string? asOf, CatalogueReader catalogue, CallerAccess access, ReportingStatusQuery query, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new InputErrors();
        var parsed = QueryParameters.Period(period, Features.Periods.PeriodInput.Today(clock), errors);
        var instant = errors.Instant("asOf", asOf);
        if (scope is not null)
        {
            if (!UnitId.TryParse(scope, out _, out var error)) errors.Add("scope", error!);
            else if (await catalogue.UnitAsync(scope, ct) is null) errors.Add("scope", $"No unit '{scope}' is registered.");
        }
        if (errors.Any) return errors.ToProblem();
        // Without a scope the answer covers every unit, so only callers who read everything get it.
        var caller = access.Caller;
        if (scope is null && !caller.ReadsEverything)
            return Problems.Forbidden("Name a scope within your units, e.g. scope=" + (caller.User.Units.Order(StringComparer.Ordinal).FirstOrDefault() ?? "your-unit") + ".",
                "scope-required");
        if (scope is not null && !await access.CanReadAsync(scope, ct)) return Problems.Forbidden($"You may not read the reporting status of {scope}.");
        return TypedResults.Ok(await query.RunAsync(scope, parsed!, ct, instant));
    }
}
