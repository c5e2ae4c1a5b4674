using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// Real tokens for the host under load, signed with the Development configuration's key read from
/// the host's own appsettings (minting a thousand through the `token` verb would start a thousand processes).
/// </summary>
public sealed class DevelopmentTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly string _issuer, _audience;
    private readonly SymmetricSecurityKey _key;

    private DevelopmentTokens(string issuer, string audience, string key) =>
        (_issuer, _audience, _key) = (issuer, audience, new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)));

    public static DevelopmentTokens FromHostSettings(string repositoryRoot)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "src/Host/appsettings.Development.json")));
        var auth = settings.RootElement.GetProperty("Auth");
        return new DevelopmentTokens(auth.GetProperty("Issuer").GetString()!, auth.GetProperty("Audience").GetString()!,
            auth.GetProperty("SigningKeys")[0].GetString()!);
    }

    public string Create(string subject, string role, string? unit = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (unit is not null) claims.Add(new Claim("unit", unit));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }
}
