namespace GovReport.Host.Features.Dhis2.Push;

public static class Dhis2PushSetup
{
    public static void AddGovReportDhis2Push(IServiceCollection services)
    {
        services.AddSingleton<Dhis2Pusher>();
        services.AddSingleton<ApprovalRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<ApprovalRelay>());
    }
}
