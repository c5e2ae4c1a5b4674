using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddGovReportAudit(this IServiceCollection services)
    {
        services.AddApiModule<AuditEndpoints>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddOptions<IntegrityOptions>().BindConfiguration(IntegrityOptions.Section);
        services.AddSingleton<VerifyJobs>();
        services.AddSingleton<HeadsCheckpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<HeadsCheckpoint>());
        return services;
    }
}
