using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Auth.Oidc;

/// <summary>
/// A provider's session has no local account to check on each request: it keeps the roles and
/// units mapped at sign-in until it expires or the person signs out, and ends at once when the
/// provider is switched off or replaced.
/// </summary>
public static class OidcSession
{
    public static bool IsExternal(ClaimsPrincipal? principal) => principal?.HasClaim(c => c.Type == OidcClaims.IssuerClaim) == true;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
        var issuer = context.Principal!.FindFirst(OidcClaims.IssuerClaim)!.Value;
        if (options.Enabled && string.Equals(issuer, options.Issuer, StringComparison.Ordinal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
