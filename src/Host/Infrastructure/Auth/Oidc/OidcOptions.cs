using GovReport.Domain.Catalogue;

namespace GovReport.Host.Infrastructure.Auth.Oidc;

/// <summary>
/// Sign-in through an organisation's OpenID Connect provider (section <c>Auth:Oidc</c>). Off
/// unless <see cref="Authority"/> is set. The provider proves who a person is; what they may do
/// here comes only from <see cref="Map"/>, so a provider group nobody mapped grants nothing.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";
    public const string Scheme = "oidc";
    public const int MaxClaimValue = 256;

    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Only a loopback test provider may run without TLS; a real one never should.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c> (e.g. <c>groups</c>).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The id_token claim whose values name the person's groups or roles at the provider.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>An id_token claim whose values name the person's organisation units at the provider (optional).</summary>
    public string? UnitClaim { get; set; }

    /// <summary>The claim shown as the person's name; <c>preferred_username</c>, then the subject, when absent.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Each provider value (of <see cref="RoleClaim"/> or <see cref="UnitClaim"/>) and what it grants here.</summary>
    public List<OidcGrant> Map { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The authority as sessions record it: a session from another provider is no session.</summary>
    public string Issuer => Authority.TrimEnd('/');

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            // Half a configuration is a mistake to name, not a reason to run with sign-in silently off.
            if (!string.IsNullOrWhiteSpace(ClientId) || Map.Count > 0)
                yield return "Auth:Oidc:Authority is required when other Auth:Oidc settings are given.";
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            yield return "Auth:Oidc:Authority must be an absolute http(s) URL.";
        else if (RequireHttpsMetadata && authority.Scheme != "https")
            yield return "Auth:Oidc:Authority must use https (RequireHttpsMetadata is on).";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return "Auth:Oidc:ClientId is required.";
        if (string.IsNullOrWhiteSpace(ClientSecret)) yield return "Auth:Oidc:ClientSecret is required.";
        if (string.IsNullOrWhiteSpace(RoleClaim)) yield return "Auth:Oidc:RoleClaim is required.";
        if (Map.Count == 0) yield return "Auth:Oidc:Map needs at least one entry: without one nobody could sign in.";
        for (var i = 0; i < Map.Count; i++)
        {
            var grant = Map[i];
            if (string.IsNullOrWhiteSpace(grant.Value)) yield return $"Auth:Oidc:Map:{i}:Value is required.";
            if (grant.Roles.Length == 0 && grant.Units.Length == 0) yield return $"Auth:Oidc:Map:{i} grants neither roles nor units.";
            foreach (var role in grant.Roles.Where(r => !Auth.Roles.IsKnown(r)))
                yield return $"Auth:Oidc:Map:{i}:Roles names '{role}', which is none of {string.Join(", ", Auth.Roles.All)}.";
            foreach (var unit in grant.Units.Where(u => !UnitId.TryParse(u, out _, out _)))
                yield return $"Auth:Oidc:Map:{i}:Units names '{unit}', which is not a unit id.";
        }
    }
}

/// <summary>One row of the mapping table: a provider value and the roles and units it grants.</summary>
public sealed class OidcGrant
{
    public string Value { get; set; } = "";
    public string[] Roles { get; set; } = [];
    public string[] Units { get; set; } = [];
}
