using System.Globalization;
using System.Threading.RateLimiting;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Infrastructure.Limits;

/// <summary>
/// One token bucket per caller: the token's subject when authenticated, else the remote address.
/// Runs after authentication so a subject's requests share a bucket across addresses.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddGovReportRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.PermitLimit,
                    TokensPerPeriod = settings.TokensPerPeriod,
                    ReplenishmentPeriod = settings.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.Period;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(http, Problems.TooManyRequests($"Too many requests; retry after {seconds} s."));
            };
        });

    internal static string PartitionKey(HttpContext http) =>
        CurrentUser.FromPrincipal(http.User) is { } user
            ? "sub:" + user.Subject
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
