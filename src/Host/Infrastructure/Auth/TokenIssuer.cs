using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>Creates the HS256 tokens described by <see cref="AuthOptions"/>, and says which tokens the host accepts.</summary>
public static class TokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    public static string Create(
        AuthOptions options, string subject, IEnumerable<string> roles, IEnumerable<string> units,
        DateTimeOffset now, TimeSpan? lifetime = null)
    {
        if (options.SigningKeys.Length == 0)
            throw new InvalidOperationException("No signing key is configured (Auth:SigningKeys).");
        var claims = new List<Claim> { new(CurrentUser.SubjectClaim, subject) };
        claims.AddRange(roles.Distinct().Select(r => new Claim(CurrentUser.RoleClaim, r)));
        claims.AddRange(units.Distinct().Select(u => new Claim(CurrentUser.UnitClaim, u)));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? options.TokenLifetime)).UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyOf(options.SigningKeys[0]), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// What the bearer scheme checks: issuer, audience, one of the configured keys, HS256 only,
    /// claims as written (<c>sub</c>, <c>role</c>, <c>unit</c>), and a lifetime judged on the
    /// host's clock that is current and no longer than <see cref="AuthOptions.MaxTokenLifetime"/>.
    /// </summary>
    public static TokenValidationParameters Parameters(AuthOptions options, TimeProvider clock) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKeys = options.SigningKeys.Select(KeyOf).ToArray(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        ClockSkew = options.ClockSkew,
        NameClaimType = CurrentUser.SubjectClaim,
        RoleClaimType = CurrentUser.RoleClaim,
        LifetimeValidator = (notBefore, expires, token, p) =>
            TokenLifetime.IsAcceptable(notBefore, expires, (token as JsonWebToken)?.IssuedAt, clock.GetUtcNow().UtcDateTime,
                p.ClockSkew, options.MaxTokenLifetime),
    };

    /// <summary>Validates a token outside a request (tools and tests) with the host's parameters; the subject check is <see cref="BearerEvents"/>'.</summary>
    public static Task<TokenValidationResult> ValidateAsync(AuthOptions options, string token, TimeProvider clock) =>
        Handler.ValidateTokenAsync(token, Parameters(options, clock));

    private static SymmetricSecurityKey KeyOf(string key) => new(Encoding.UTF8.GetBytes(key));
}
