using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Rebuild;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Features.Admin;

public sealed record RebuildResponse(long Events, double Seconds, double EventsPerSecond, string Position);

/// <summary>POST /api/admin/rebuild: replays the log into fresh read models and swaps them in. Admins only.</summary>
public sealed class AdminEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api) =>
        api.MapPost("/admin/rebuild", RebuildAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithName("RebuildReadModels")
            .WithSummary("Replays the whole event log into fresh read models and swaps them in for the live ones.")
            .WithTags("Operations");

    public static async Task<Results<Ok<RebuildResponse>, ProblemHttpResult>> RebuildAsync(NpgsqlDataSource dataSource, ILogger<AdminEndpoints> log, CancellationToken ct)
    {
        var progress = new Progress<long>(n => log.LogInformation("Rebuild replayed {Events} events", n));
        RebuildResult result;
        try { result = await new ReadModelRebuilder(dataSource).RebuildLiveAsync(progress, ct); }
        catch (RebuildInProgressException e) { return Problems.Conflict("rebuild-in-progress", e.Message); }
        return TypedResults.Ok(new RebuildResponse(result.Events, Math.Round(result.Elapsed.TotalSeconds, 3),
            Math.Round(result.EventsPerSecond), result.Position.ToString()));
    }
}
