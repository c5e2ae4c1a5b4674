using GovReport.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Audit;

/// <summary><c>GET /api/audit/verify</c>: is the stored history intact, and do the read models equal a fresh replay of it?</summary>
internal static class VerifyEndpoint
{
    public static void Map(RouteGroupBuilder audit) => audit
        .MapGet("/verify", Get)
        .WithName("VerifyHistory")
        .WithSummary("Checks every event's hash chain and compares the read models with a fresh replay of the log.")
        .Produces<VerifyReport>()
        .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Ok<VerifyReport>> Get(NpgsqlDataSource dataSource, ProjectionFreshness freshness, CancellationToken ct) =>
        TypedResults.Ok(await new AuditVerifier(dataSource, freshness).RunAsync(ct: ct));
}
