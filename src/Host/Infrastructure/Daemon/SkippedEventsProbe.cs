using GovReport.Host.Infrastructure.Health;
using GovReport.Projections;

namespace GovReport.Host.Infrastructure.Daemon;

/// <summary>
/// Names the events a projection skipped because it could not fold them. The host stays ready —
/// every other event still projects, and failing readiness on every host at once would take the
/// whole service down for one event — but the check says which projection, which event and why,
/// until an administrator's retry folds it (POST /api/admin/projections/{name}/retry).
/// </summary>
internal sealed class SkippedEventsProbe(ProjectionFreshness freshness) : IReadinessProbe
{
    public const string Name = "skipped-events";

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var skipped = await freshness.SkippedAsync(cancellationToken);
        if (skipped.Count == 0) return new ProbeResult(Name, true);
        return new ProbeResult(Name, true,
            $"{skipped.Count} event(s) skipped; first: {skipped[0].Describe()}",
            skipped.Select(f => new
            {
                projection = f.Projection, position = f.Position.ToString(), sequence = f.Position.Sequence,
                stream = f.StreamId, type = f.EventType, error = f.Error, failedAt = f.LastFailedAt,
            }).ToList());
    }
}
