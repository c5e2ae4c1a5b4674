using GovReport.EventStore;
using GovReport.Host.Infrastructure.Health;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Host.Infrastructure.Daemon;

public static class DaemonSetup
{
    public static IServiceCollection AddGovReportProjections(this IServiceCollection services)
    {
        services.AddOptions<ProjectionOptions>().BindConfiguration(ProjectionOptions.Section);
        services.AddSingleton<EventNotifications>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddSingleton<ProjectionFreshness>();
        services.AddSingleton<PerformanceQuery>();
        services.AddSingleton<ReportingStatusQuery>();
        services.AddSingleton<FreshnessProbe>();
        services.AddSingleton<IReadinessProbe>(sp => sp.GetRequiredService<FreshnessProbe>());
        services.AddReadinessProbe<SkippedEventsProbe>();
        services.AddHostedService(sp => sp.GetRequiredService<FreshnessProbe>());
        services.AddHostedService<ProjectionDaemonService>();
        return services;
    }
}
