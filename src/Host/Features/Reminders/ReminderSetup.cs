using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Reminders;

public static class ReminderSetup
{
    public static void AddGovReportReminders(IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSweep>());
        services.AddApiModule<RemindersEndpoints>();
    }
}
