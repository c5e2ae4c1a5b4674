using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Performance;
using GovReport.Projections;
using GovReport.Projections.Figures;
using GovReport.Projections.Poison;
using GovReport.Projections.Rebuild;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Features.Admin;

public sealed record ProjectionView(string Name, long PendingEvents, double LagSeconds, IReadOnlyList<SkippedEventView> Failures);

public sealed record ProjectionList(IReadOnlyList<ProjectionView> Projections);

/// <param name="Resolved">Skipped events the retry folded.</param>
/// <param name="StillFailing">Events it still cannot fold: skipped as before.</param>
public sealed record RetryResponse(string Projection, int Resolved, IReadOnlyList<SkippedEventView> StillFailing, long Events, double Seconds);

/// <summary>
/// The asynchronous projections and the events they skipped (GET /api/admin/projections), and a
/// retry once the cause is fixed (POST /api/admin/projections/{name}/retry): a rebuild that tries
/// the skipped events again, so the models stay what a replay of the log gives. Admins only.
/// </summary>
public sealed class ProjectionsAdminEndpoints : IApiModule
{
    private static readonly string[] Names = [FigureProjection.SubscriptionName];

    public void Map(RouteGroupBuilder api)
    {
        var projections = api.MapGroup("/admin/projections")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Operations");
        projections.MapGet("", ListAsync).WithName("GetProjections")
            .WithSummary("The asynchronous projections: lag, and every event each skipped because it could not fold it.");
        projections.MapPost("/{name}/retry", RetryAsync).WithName("RetryProjection")
            .WithSummary("Rebuilds the projection trying its skipped events again; those it now folds are resolved.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<ProjectionList>> ListAsync(
        NpgsqlDataSource dataSource, ProjectionFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        var lag = await freshness.LagAsync(ct);
        var failures = await ProjectionFailures.ListAsync(dataSource, ct: ct);
        return TypedResults.Ok(new ProjectionList(Names.Select(name => new ProjectionView(name, lag.PendingEvents,
                Math.Round(lag.Age(clock.GetUtcNow()).TotalSeconds, 3),
                failures.Where(f => f.Projection == name).Select(SkippedEventView.From).ToList()))
            .ToList()));
    }

    public static async Task<Results<Ok<RetryResponse>, ProblemHttpResult>> RetryAsync(
        string name, NpgsqlDataSource dataSource, ILogger<ProjectionsAdminEndpoints> log, CancellationToken ct)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
            return Problems.NotFound("projection-not-found", $"No asynchronous projection '{name}'; there is {string.Join(", ", Names)}.");
        var before = await ProjectionFailures.ListAsync(dataSource, name, unresolvedOnly: true, ct);
        RebuildResult result;
        try { result = await new ReadModelRebuilder(dataSource).RebuildLiveAsync(null, ct, retryFailures: true); }
        catch (RebuildInProgressException e) { return Problems.Conflict("rebuild-in-progress", e.Message); }
        var after = await ProjectionFailures.ListAsync(dataSource, name, unresolvedOnly: true, ct);
        var resolved = before.Count(b => after.All(a => a.Position != b.Position));
        log.LogInformation("Retry of {Projection}: {Resolved} skipped event(s) folded, {Failing} still failing", name, resolved, after.Count);
        return TypedResults.Ok(new RetryResponse(name, resolved, after.Select(SkippedEventView.From).ToList(),
            result.Events, Math.Round(result.Elapsed.TotalSeconds, 3)));
    }
}
