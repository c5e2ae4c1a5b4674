using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>GET /api/audit/verify[?fresh=true]</c>: is the stored history intact, and do the read models
/// equal a fresh replay of it? Answered by <see cref="VerifyJobs"/>: one run at a time, recent
/// answers from cache (<c>verifiedAt</c> says when it was made).
/// </summary>
internal static class VerifyEndpoint
{
    public static void Map(RouteGroupBuilder audit) => audit
        .MapGet("/verify", Get)
        .WithName("VerifyHistory")
        .WithSummary("Checks every event's hash chain and compares the read models with a fresh replay of the log.")
        .WithDescription("A recent answer is served from cache; fresh=true asks for a new run, granted once the cached one is old enough (Audit:VerifyFreshAfter).")
        .Produces<VerifyReport>()
        .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Ok<VerifyReport>> Get(VerifyJobs jobs, CancellationToken ct, bool? fresh = null) =>
        TypedResults.Ok(await jobs.GetAsync(fresh ?? false, ct));
}
