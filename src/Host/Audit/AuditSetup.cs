using GovReport.Host.Api;

namespace GovReport.Host.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddGovReportAudit(this IServiceCollection services)
    {
        services.AddApiModule<AuditModule>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddOptions<IntegrityOptions>().BindConfiguration(IntegrityOptions.Section);
        services.AddSingleton<VerifyJobs>();
        services.AddSingleton<HeadsCheckpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<HeadsCheckpoint>());
        return services;
    }
}
