using System.Text;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>Bearer token settings, bound from the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumKeyBytes = 32;

    /// <summary>The key appsettings.Development.json ships: public, so never trusted outside Development.</summary>
    public const string DevelopmentKey = "govreport-development-signing-key-not-for-production-0001";

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>
    /// HS256 keys (UTF-8, at least 32 bytes each). Tokens are signed with the first and accepted
    /// when signed with any, so a key can be rotated by prepending the new one.
    /// </summary>
    public string[] SigningKeys { get; set; } = [];

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A token whose expiry lies further than this from its issue (or not-before) time is refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems(bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(Issuer)) yield return "Auth:Issuer is required.";
        if (string.IsNullOrWhiteSpace(Audience)) yield return "Auth:Audience is required.";
        if (SigningKeys.Length == 0) yield return "Auth:SigningKeys needs at least one key.";
        for (var i = 0; i < SigningKeys.Length; i++)
        {
            if (Encoding.UTF8.GetByteCount(SigningKeys[i] ?? "") < MinimumKeyBytes)
                yield return $"Auth:SigningKeys:{i} is shorter than {MinimumKeyBytes} bytes.";
            if (!isDevelopment && SigningKeys[i] == DevelopmentKey)
                yield return $"Auth:SigningKeys:{i} is the public development key; configure this environment's own key.";
        }
        if (MaxTokenLifetime <= TimeSpan.Zero) yield return "Auth:MaxTokenLifetime must be positive.";
        if (TokenLifetime <= TimeSpan.Zero) yield return "Auth:TokenLifetime must be positive.";
        else if (TokenLifetime > MaxTokenLifetime) yield return "Auth:TokenLifetime must not exceed Auth:MaxTokenLifetime.";
        if (ClockSkew < TimeSpan.Zero || ClockSkew > MaxClockSkew)
            yield return $"Auth:ClockSkew must be between 0 and {MaxClockSkew.TotalSeconds:0} seconds.";
    }
}
