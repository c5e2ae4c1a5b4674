using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovReport.Host.Auth;

/// <summary>Creates and validates the HS256 tokens described by <see cref="AuthOptions"/>.</summary>
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

    public static async Task<TokenValidationResult> ValidateAsync(AuthOptions options, string token, TimeProvider clock)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = options.SigningKeys.Select(KeyOf).ToArray(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            ClockSkew = options.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && now <= e + p.ClockSkew && (notBefore is not { } nb || nb - p.ClockSkew <= now);
            },
        };
        return await Handler.ValidateTokenAsync(token, parameters);
    }

    private static SymmetricSecurityKey KeyOf(string key) => new(Encoding.UTF8.GetBytes(key));
}
