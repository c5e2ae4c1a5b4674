namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// Whether a token may be used now. Besides "not expired, already valid", a token must say when
/// it began (<c>iat</c> or <c>nbf</c>) and live no longer than the deployment's cap: a signed
/// token cannot be revoked, so a stolen or forgotten one must die on its own.
/// </summary>
public static class TokenLifetime
{
    /// <param name="issuedAt">The token's <c>iat</c>; null or <see cref="DateTime.MinValue"/> when it has none.</param>
    public static bool IsAcceptable(
        DateTime? notBefore, DateTime? expires, DateTime? issuedAt, DateTime now, TimeSpan skew, TimeSpan maxLifetime)
    {
        if (expires is not { } exp) return false;
        if (now > exp + skew) return false;
        if (notBefore is { } nbf && nbf - skew > now) return false;

        var iat = issuedAt is { } i && i != DateTime.MinValue ? i : (DateTime?)null;
        if (iat is null && notBefore is null) return false;
        // Issued "in the future" would stretch the cap past now + maxLifetime.
        if (iat is { } issued && issued - skew > now) return false;
        if (iat is { } from && exp - from > maxLifetime) return false;
        if (notBefore is { } start && exp - start > maxLifetime) return false;
        return true;
    }
}
