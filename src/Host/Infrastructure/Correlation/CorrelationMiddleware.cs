using System.Diagnostics;

namespace GovReport.Host.Infrastructure.Correlation;

/// <summary>
/// Takes <c>X-Correlation-Id</c> when it is safe to echo (≤ 64 of [A-Za-z0-9-_.]), otherwise
/// the trace id, and puts it on the response, the current Activity, the log scope and
/// <see cref="RequestContext"/>.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ActivityTag = "govreport.correlation_id";
    public const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext http, RequestContext requestContext)
    {
        var id = IsValid(http.Request.Headers[HeaderName].ToString()) ? http.Request.Headers[HeaderName].ToString()
            : Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

        requestContext.Initialize(http, id);
        Activity.Current?.SetTag(ActivityTag, id);
        // Set on starting: the exception handler clears headers before it writes its problem.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(http);
    }

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
