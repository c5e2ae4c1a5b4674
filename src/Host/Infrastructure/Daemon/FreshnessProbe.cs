using System.Diagnostics.Metrics;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Health;
using GovReport.Projections;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Daemon;

/// <summary>
/// Projection lag as a metric (refreshed every few seconds) and a readiness check (measured on
/// each call). Every host reports it — it is read from the database — so a dashboard sees the
/// lag whichever host it scrapes.
/// </summary>
internal sealed class FreshnessProbe : BackgroundService, IReadinessProbe
{
    private static readonly Meter Meter = new("GovReport.Projections");
    private readonly ProjectionFreshness _freshness;
    private readonly TimeProvider _clock;
    private readonly ProjectionOptions _options;
    private Freshness _last = new(0, null, 0);

    public FreshnessProbe(ProjectionFreshness freshness, TimeProvider clock, IOptions<ProjectionOptions> options)
    {
        (_freshness, _clock, _options) = (freshness, clock, options.Value);
        Meter.CreateObservableGauge("govreport.projections.lag.events", () => _last.PendingEvents, "{event}",
            "Events appended but not yet projected into the asynchronous read models.");
        Meter.CreateObservableGauge("govreport.projections.lag.seconds", () => _last.Age(_clock.GetUtcNow()).TotalSeconds, "s",
            "Age of the oldest event not yet projected.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { _last = await _freshness.LagAsync(stoppingToken); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException) { /* the database probe reports that */ }
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { });
        }
    }

    public async Task<ProbeResult> CheckAsync(CancellationToken ct)
    {
        _last = await _freshness.LagAsync(ct);
        var age = _last.Age(_clock.GetUtcNow());
        var ready = age <= _options.MaxLag;
        return new ProbeResult("projections", ready,
            ready ? null : $"the read models are {age.TotalSeconds:F0} s behind the log (allowed: {_options.MaxLag.TotalSeconds:F0} s)",
            new { pendingEvents = _last.PendingEvents, lagSeconds = Math.Round(age.TotalSeconds, 3), heldBack = _last.HeldBack });
    }
}
