using GovReport.Projections;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Daemon;

/// <summary>Runs the projection daemon for as long as the host runs; only the elected host projects.</summary>
internal sealed class ProjectionDaemonService(
    ProjectionDaemon daemon, IOptions<ProjectionOptions> options, ILogger<ProjectionDaemonService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunDaemon
            ? daemon.RunAsync(options.Value.PollInterval, e => log.LogWarning(e, "Projection daemon interrupted; retrying"), stoppingToken)
            : Task.CompletedTask;
}
