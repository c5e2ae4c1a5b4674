using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GovReport.Host.Infrastructure.Auth.Oidc;

/// <summary>
/// Registers the provider's scheme only when <c>Auth:Oidc:Authority</c> is set: with it off there
/// is no scheme, no callback path and no button, and nothing else changes.
/// </summary>
internal static class OidcSetup
{
    public const string RefusedQuery = "to-chuc=tu-choi";
    public const string FailedQuery = "to-chuc=loi";

    public static WebApplicationBuilder AddGovReportOidc(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OidcOptions.Section);
        // Start-up fails naming every problem, as it does for the bearer settings.
        builder.Services.AddOptions<OidcOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        // Read now because a scheme cannot be added once the host is built; the options above see the same section.
        if (!(section.Get<OidcOptions>()?.Enabled ?? false)) return builder;

        builder.Services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, "Tài khoản tổ chức", _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcOptions.Scheme).Configure<IOptions<OidcOptions>>((o, configured) =>
        {
            var oidc = configured.Value;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            // Authorization code with PKCE, the code returned in the query: no token ever passes the browser.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile" }.Concat(oidc.Scopes).Distinct(StringComparer.Ordinal)) o.Scope.Add(scope);
            // The provider's claims keep their own names ("sub", "groups"), as the bearer scheme's do.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.DisableTelemetry = true;
            // The provider only vouches; the session is the same cookie a password sign-in issues.
            o.SignInScheme = WebSignIn.CookieScheme;
            o.Events.OnTokenValidated = OidcSignIn.OnTokenValidatedAsync;
            o.Events.OnRemoteFailure = OidcSignIn.OnRemoteFailureAsync;
        });
        return builder;
    }
}

internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
