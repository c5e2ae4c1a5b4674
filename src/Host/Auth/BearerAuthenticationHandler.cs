using System.Security.Claims;
using System.Text.Encodings.Web;
using GovReport.Host.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Auth;

/// <summary>
/// Validates <c>Authorization: Bearer &lt;JWT&gt;</c> and answers challenges and forbids with
/// problem+json. A hand-written handler because the JwtBearer package is not available here.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> authOptions,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("The bearer token is empty.");

        var result = await TokenIssuer.ValidateAsync(authOptions.CurrentValue, token, clock);
        if (!result.IsValid)
        {
            Logger.LogDebug(result.Exception, "Rejected a bearer token");
            return AuthenticateResult.Fail("The bearer token is invalid or expired.");
        }

        var claims = new List<Claim>();
        foreach (var claim in result.ClaimsIdentity.Claims)
        {
            switch (claim.Type)
            {
                case CurrentUser.SubjectClaim: claims.Add(new Claim(CurrentUser.SubjectClaim, claim.Value)); break;
                case CurrentUser.RoleClaim: claims.Add(new Claim(ClaimTypes.Role, claim.Value)); break;
                case CurrentUser.UnitClaim: claims.Add(new Claim(CurrentUser.UnitClaim, claim.Value)); break;
            }
        }
        if (!claims.Any(c => c.Type == CurrentUser.SubjectClaim))
            return AuthenticateResult.Fail("The bearer token has no subject.");

        var identity = new ClaimsIdentity(claims, SchemeName, CurrentUser.SubjectClaim, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate,
            failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"");
        await ProblemWriter.WriteAsync(Context, Problems.Unauthorized(failure ?? "A bearer token is required."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return ProblemWriter.WriteAsync(Context, Problems.Forbidden("Your roles or units do not allow this request."));
    }
}
