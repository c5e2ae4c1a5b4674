using GovReport.EventStore;
using GovReport.Projections.Figures;

namespace GovReport.Projections;

/// <summary>How far the asynchronous read models are behind the log, and a bounded wait for them.</summary>
public sealed class ProjectionFreshness(EventSubscription reader, TimeProvider clock)
{
    public async Task<SubscriptionLag> LagAsync(CancellationToken ct = default) =>
        await reader.LagAsync(await reader.LoadCheckpointAsync(FigureProjection.SubscriptionName, ct), ct);

    /// <summary>
    /// Waits until the projections have read everything committed before the call, or until the
    /// timeout; returns the lag at the end so a response can say how stale it is.
    /// </summary>
    public async Task<SubscriptionLag> WaitForCatchUpAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var lag = await LagAsync(ct);
            if (lag.PendingEvents == 0 || clock.GetElapsedTime(started) >= timeout) return lag;
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
        }
    }
}
