using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// The bearer scheme's hooks: a token must name its subject, and challenges and forbids are
/// answered with problem+json like every other error.
/// </summary>
internal static class BearerEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnTokenValidated = async context =>
        {
            // Every write records its actor, every idempotency key and rate bucket is the subject's:
            // a token without one is no one.
            var subject = context.Principal?.FindFirst(CurrentUser.SubjectClaim)?.Value;
            if (string.IsNullOrWhiteSpace(subject))
            {
                context.Fail("The bearer token has no subject (sub).");
                return;
            }
            await SuccessorUnits.ApplyAsync(context.Principal!, subject, context.HttpContext);
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var failure = Describe(context.AuthenticateFailure);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.Append(HeaderNames.WWWAuthenticate,
                failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"");
            await ProblemWriter.WriteAsync(context.HttpContext, Problems.Unauthorized(failure ?? "A bearer token is required."));
        },
        OnForbidden = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return ProblemWriter.WriteAsync(context.HttpContext, Problems.Forbidden("Your roles or units do not allow this request."));
        },
    };

    // Fixed sentences: the validator's own messages name keys and claims an attacker need not learn.
    private static string? Describe(Exception? failure) => failure switch
    {
        null => null,
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException =>
            "The bearer token is expired, not yet valid, or lives longer than this service allows.",
        AuthenticationFailureException { Message: var message } => message,
        _ => "The bearer token is invalid.",
    };
}
