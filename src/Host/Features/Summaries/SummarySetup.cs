using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Summaries;

public static class SummarySetup
{
    /// <summary>Period summaries: the API, the publisher and the scheduler (one registration line in the app).</summary>
    public static IServiceCollection AddGovReportSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section);
        services.AddSingleton<SummaryStore>();
        services.AddSingleton<SummarySources>();
        services.AddSingleton<SummaryBuilder>();
        services.AddSingleton<SummaryPublisher>();
        services.AddSingleton<SummaryScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<SummaryScheduler>());
        services.AddApiModule<SummariesEndpoints>();
        return services;
    }
}
