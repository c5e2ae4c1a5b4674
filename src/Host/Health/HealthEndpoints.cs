using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovReport.Host.Health;

public static class HealthEndpoints
{
    public sealed record LiveResponse(string Status);

    public sealed record ReadyResponse(string Status, IReadOnlyList<ProbeResult> Checks);

    public static IServiceCollection AddReadinessProbe<TProbe>(this IServiceCollection services)
        where TProbe : class, IReadinessProbe
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessProbe, TProbe>());
        return services;
    }

    /// <summary>Anonymous and exempt from rate limiting: load balancers and orchestrators call these.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().DisableRateLimiting().WithTags("Operations");
        health.MapGet("/live", () => TypedResults.Ok(new LiveResponse("live")));
        health.MapGet("/ready", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<ReadyResponse>, JsonHttpResult<ReadyResponse>>> ReadyAsync(
        IEnumerable<IReadinessProbe> probes, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(probes.Select(p => RunAsync(p, cancellationToken)));
        if (checks.All(c => c.Ready))
            return TypedResults.Ok(new ReadyResponse("ready", checks));
        return TypedResults.Json(new ReadyResponse("not-ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ProbeResult> RunAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.CheckAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(probe.GetType().Name, false, e.Message);
        }
    }
}
