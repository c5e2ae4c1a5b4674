using GovReport.EventStore;
using GovReport.Host.Health;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Host.Daemon;

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
        services.AddSingleton<ProjectionLag>();
        services.AddSingleton<IReadinessProbe>(sp => sp.GetRequiredService<ProjectionLag>());
        services.AddReadinessProbe<SkippedEventsProbe>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionLag>());
        services.AddHostedService<ProjectionDaemonService>();
        return services;
    }
}
