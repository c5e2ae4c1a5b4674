using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovReport.Host.Infrastructure.Health;

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
        IEnumerable<IReadinessProbe> probes, RequestContext context, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(probes.Select(p => RunAsync(p, cancellationToken)));
        // Details carry database error text (hosts, users, failed passwords): only operators' roles see them.
        if (context.CurrentUser?.CanAudit != true) checks = checks.Select(c => c with { Detail = null, Data = null }).ToArray();
        if (checks.All(c => c.Ready))
            return TypedResults.Ok(new ReadyResponse("ready", checks));
        return TypedResults.Json(new ReadyResponse("not-ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A probe that hangs or throws makes the host not ready; it never hangs the endpoint.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private static async Task<ProbeResult> RunAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await probe.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(NameOf(probe), false, $"no answer within {ProbeTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ProbeResult(NameOf(probe), false, e.Message);
        }
    }

    private static string NameOf(IReadinessProbe probe) => probe.GetType().Name.Replace("Probe", "").ToLowerInvariant();
}
