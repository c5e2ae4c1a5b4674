namespace GovReport.Host.Infrastructure.Auth.Accounts;

internal static class AccountsSetup
{
    public static IServiceCollection AddGovReportAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<Credentials>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<Features.Accounts.AccountWriter>();
        return services;
    }
}
