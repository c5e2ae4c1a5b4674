using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Auth;

internal static class AuthSetup
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The default scheme: forwards to the bearer scheme for the API and to the sign-in cookie for pages.</summary>
    public const string DefaultScheme = WebSignIn.PolicyScheme;

    public static IServiceCollection AddGovReportAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.AddScoped<CallerAccess>();
        Accounts.AccountsSetup.AddGovReportAccounts(services);

        services.AddAuthentication(DefaultScheme).AddJwtBearer().AddWebSignIn();
        services.AddOptions<JwtBearerOptions>(SchemeName)
            .Configure<IOptions<AuthOptions>, TimeProvider>((bearer, auth, clock) =>
            {
                // Claims keep the names the token gives them: "sub", "role", "unit".
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = TokenIssuer.Parameters(auth.Value, clock);
                bearer.TimeProvider = clock;
                bearer.Events = BearerEvents.Create();
            });

        var authenticated = new AuthorizationPolicyBuilder(DefaultScheme)
            .RequireAuthenticatedUser()
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            // Anything not marked AllowAnonymous (health, the OpenAPI document, the sign-in page) needs a token or a session,
            // including routes that do not exist, so unknown paths do not reveal what exists.
            .SetFallbackPolicy(authenticated)
            .AddGovReportPolicies();
        return services;
    }
}

/// <summary>
/// Fails start-up with every configuration problem named (Production ships without a key on
/// purpose, and refuses the public development key).
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var problems = options.Problems(environment.IsDevelopment()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
