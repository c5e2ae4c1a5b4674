using System.Security.Claims;
using GovReport.Host.Infrastructure.Auth.Accounts;

namespace GovReport.Host.Infrastructure.Auth.Oidc;

/// <summary>
/// Turns the provider's validated id_token into the session a password sign-in gives: the same
/// <c>sub</c>, <c>role</c>, <c>unit</c> and <c>name</c> claims, so every policy reads it
/// unchanged, plus <see cref="IssuerClaim"/>, which marks the session as the provider's.
/// </summary>
public static class OidcClaims
{
    /// <summary>The provider that vouched for the session (its authority).</summary>
    public const string IssuerClaim = "idp";

    /// <summary>
    /// The actor every event of this person records: "oidc:{provider host}:{provider sub}". It
    /// cannot be an account's username (those have no colon), so an auditor tells the two apart
    /// and the provider's subject can never act as a local account.
    /// </summary>
    public static string SubjectFor(OidcOptions options, string providerSubject) =>
        $"oidc:{new Uri(options.Issuer).Authority}:{providerSubject}";

    /// <summary>The session's principal, or null when the mapping grants no role (the person is refused).</summary>
    public static ClaimsPrincipal? Map(OidcOptions options, ClaimsPrincipal provider, string scheme)
    {
        var providerSubject = provider.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(providerSubject) || providerSubject.Length > OidcOptions.MaxClaimValue) return null;

        var values = ValuesOf(provider, options.RoleClaim)
            .Concat(options.UnitClaim is { Length: > 0 } unitClaim ? ValuesOf(provider, unitClaim) : [])
            .ToHashSet(StringComparer.Ordinal);
        var grants = options.Map.Where(g => values.Contains(g.Value)).ToList();
        var roles = grants.SelectMany(g => g.Roles).Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (roles.Count == 0) return null;
        var units = grants.SelectMany(g => g.Units).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        var subject = SubjectFor(options, providerSubject);
        var name = new[] { options.NameClaim, "preferred_username" }
            .Select(type => provider.FindFirst(type)?.Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Length <= OidcOptions.MaxClaimValue) ?? providerSubject;

        var claims = new List<Claim> { new(CurrentUser.SubjectClaim, subject) };
        claims.AddRange(roles.Select(r => new Claim(CurrentUser.RoleClaim, r)));
        claims.AddRange(units.Select(u => new Claim(CurrentUser.UnitClaim, u)));
        claims.Add(new Claim(AccountSession.NameClaim, name));
        claims.Add(new Claim(IssuerClaim, options.Issuer));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, CurrentUser.SubjectClaim, CurrentUser.RoleClaim));
    }

    // Overlong values match nothing in the table anyway; they are dropped unread.
    private static IEnumerable<string> ValuesOf(ClaimsPrincipal provider, string type) =>
        provider.FindAll(type).Select(c => c.Value).Where(v => v.Length <= OidcOptions.MaxClaimValue);
}
