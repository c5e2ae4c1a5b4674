using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Auth;

internal static class AuthSetup
{
    public static IServiceCollection AddGovReportAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);

        var authenticated = new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            // Anything not marked AllowAnonymous (health, OpenAPI, the login page) needs a token,
            // including routes that do not exist, so unknown paths do not reveal what exists.
            .SetFallbackPolicy(authenticated)
            .AddGovReportPolicies();
        return services;
    }
}

/// <summary>Fails start-up with every configuration problem named (Production ships without a key on purpose).</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
