using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

/// <summary>
/// The sign-in cookie's principal: the token's claims (<c>sub</c>, <c>role</c>, <c>unit</c>,
/// <c>name</c>) plus a stamp, the instant the password last changed. Checked against the read
/// model on every request, so a disabled account or a changed password ends the session at once,
/// and changed roles or units apply from the next request.
/// </summary>
/// <remarks>No cache: one primary-key lookup per page costs less than the page, and a revocation
/// that waits for a cache to expire is a revocation that does not happen when it matters.</remarks>
public static class AccountSession
{
    public const string NameClaim = "name";
    public const string StampClaim = "pwd_stamp";

    public static ClaimsPrincipal PrincipalFor(AccountRow account, string scheme)
    {
        var claims = new List<Claim> { new(CurrentUser.SubjectClaim, account.Username) };
        claims.AddRange(account.Roles.Select(r => new Claim(CurrentUser.RoleClaim, r)));
        claims.AddRange(account.Units.Select(u => new Claim(CurrentUser.UnitClaim, u)));
        if (account.Name is { } name) claims.Add(new Claim(NameClaim, name));
        claims.Add(new Claim(StampClaim, StampOf(account)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, CurrentUser.SubjectClaim, CurrentUser.RoleClaim));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (Oidc.OidcSession.IsExternal(principal))
        {
            await Oidc.OidcSession.ValidateAsync(context);
            return;
        }
        var username = principal?.FindFirst(CurrentUser.SubjectClaim)?.Value;
        var directory = context.HttpContext.RequestServices.GetRequiredService<AccountDirectory>();
        var account = username is null ? null : await directory.FindAsync(username, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || principal!.FindFirst(StampClaim)?.Value != StampOf(account))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        var fresh = PrincipalFor(account, context.Scheme.Name);
        if (!SameClaims(principal, fresh))
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }

    private static string StampOf(AccountRow account) =>
        account.PasswordSetAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "";

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        Canonical(a).SequenceEqual(Canonical(b));

    private static IEnumerable<string> Canonical(ClaimsPrincipal p) =>
        p.Claims.Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal);
}
