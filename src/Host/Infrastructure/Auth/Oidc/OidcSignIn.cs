using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Auth.Oidc;

/// <summary>
/// The return from the provider: a person the mapping grants a role becomes a session; anyone
/// else is sent back to the sign-in page with a refusal and no session. Sign-ins are not events
/// (password sign-ins are not either); the log says who came in, and every later write records
/// the session's subject, "oidc:{provider}:{sub}", as its actor.
/// </summary>
internal static class OidcSignIn
{
    public static Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn));
        var providerSubject = context.Principal?.FindFirst("sub")?.Value;
        var session = context.Principal is null ? null : OidcClaims.Map(options, context.Principal, WebSignIn.CookieScheme);
        if (session is null)
        {
            log.LogWarning("Organisation sign-in refused for {Issuer} subject {Subject}: no mapped role", options.Issuer, providerSubject);
            context.HandleResponse();
            context.Response.Redirect($"{WebSignIn.LoginPath}?{OidcSetup.RefusedQuery}");
            return Task.CompletedTask;
        }
        log.LogInformation("Organisation sign-in of {Subject} with roles {Roles}", session.FindFirst(CurrentUser.SubjectClaim)!.Value,
            string.Join(",", session.FindAll(CurrentUser.RoleClaim).Select(c => c.Value)));
        context.Principal = session;
        return Task.CompletedTask;
    }

    public static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn));
        log.LogWarning(context.Failure, "Organisation sign-in failed");
        context.HandleResponse();
        context.Response.Redirect($"{WebSignIn.LoginPath}?{OidcSetup.FailedQuery}");
        return Task.CompletedTask;
    }
}
