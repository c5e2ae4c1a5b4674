using GovReport.Projections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// On-demand verify, one run at a time per host. Callers arriving while a run is going share its
/// answer; a recent answer is served from cache (with the instant it was made); a caller may ask
/// for a fresh run, granted only once the cached answer is <see cref="AuditOptions.VerifyFreshAfter"/> old.
/// The run belongs to the host, not to a caller: one who hangs up does not cancel it for the rest.
/// </summary>
public sealed class VerifyJobs(
    NpgsqlDataSource dataSource, ProjectionFreshness freshness, TimeProvider clock, IOptions<AuditOptions> options,
    IHostApplicationLifetime lifetime)
{
    private readonly Lock _gate = new();
    private Task<VerifyReport>? _running;
    private VerifyReport? _last;
    private int _runs;

    /// <summary>How many times this host has replayed the log for verify.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public Task<VerifyReport> GetAsync(bool fresh, CancellationToken ct)
    {
        Task<VerifyReport> job;
        lock (_gate)
        {
            if (_running is null && _last is { } last)
            {
                var age = clock.GetUtcNow() - last.VerifiedAt;
                var forced = fresh && age >= options.Value.VerifyFreshAfter;
                if (age < options.Value.VerifyCacheFor && !forced) return Task.FromResult(last);
            }
            job = _running ??= Task.Run(RunAsync);
        }
        return job.WaitAsync(ct);
    }

    private async Task<VerifyReport> RunAsync()
    {
        Interlocked.Increment(ref _runs);
        try
        {
            var report = await new AuditVerifier(dataSource, freshness, clock).RunAsync(ct: lifetime.ApplicationStopping);
            lock (_gate) _last = report;
            return report;
        }
        finally
        {
            lock (_gate) _running = null;
        }
    }
}
