namespace GovReport.Host.Infrastructure.Health;

/// <summary>
/// One condition <c>/health/ready</c> checks. Register with
/// <c>services.AddReadinessProbe&lt;T&gt;()</c>; every registered probe runs on each call.
/// </summary>
public interface IReadinessProbe
{
    Task<ProbeResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What a probe found. <paramref name="Data"/> is serialised as is (e.g. a lag in seconds).</summary>
public sealed record ProbeResult(string Name, bool Ready, string? Detail = null, object? Data = null);
