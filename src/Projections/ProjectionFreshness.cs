using GovReport.EventStore;
using GovReport.Projections.Figures;
using Npgsql;

namespace GovReport.Projections;

/// <summary>The end of a wait: whether the projections reached what was committed at its start, and the lag then.</summary>
public sealed record FreshnessWait(bool Reached, Freshness Lag);

/// <summary>How far the asynchronous read models are behind the log, and a bounded wait for them.</summary>
public sealed class ProjectionFreshness(NpgsqlDataSource dataSource, EventSubscription reader, TimeProvider clock)
{
    public async Task<Freshness> LagAsync(CancellationToken ct = default) =>
        await reader.LagAsync(await reader.LoadCheckpointAsync(FigureProjection.SubscriptionName, ct), ct);

    /// <summary>Events the figure projection skipped and has not folded since: its answers lack them.</summary>
    public Task<IReadOnlyList<Poison.ProjectionFailure>> SkippedAsync(CancellationToken ct = default) =>
        Poison.ProjectionFailures.ListAsync(dataSource, FigureProjection.SubscriptionName, unresolvedOnly: true, ct);

    /// <summary>
    /// Waits until the projections have read everything committed before the call — not what is
    /// appended meanwhile, which a steady stream of writes would make a wait without end — or
    /// until the timeout; says which, with the lag at the end so a response can say how stale it is.
    /// </summary>
    public async Task<FreshnessWait> WaitUntilFreshAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var target = await LastCommittedAsync(ct);
        var started = clock.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var reached = target is not { } head || await reader.LoadCheckpointAsync(FigureProjection.SubscriptionName, ct) >= head;
            if (reached || clock.GetElapsedTime(started) >= timeout) return new FreshnessWait(reached, await LagAsync(ct));
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
        }
    }

    /// <summary>The last event committed now, in subscription order (null for an empty log).</summary>
    private Task<SubscriptionPosition?> LastCommittedAsync(CancellationToken ct) => EventLog.LastCommittedAsync(dataSource, ct);
}
