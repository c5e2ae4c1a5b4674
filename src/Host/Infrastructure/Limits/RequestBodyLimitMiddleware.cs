using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Limits;

/// <summary>
/// Rejects a body whose declared length is over the limit with 413 problem+json before anything
/// reads it, and hands the same limit to the server for bodies without a Content-Length (Kestrel
/// then fails the read, and the exception handler answers 413).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptionsMonitor<LimitOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        // An endpoint's own metadata wins; null there means "no limit" (e.g. a bulk import).
        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = metadata is null ? options.CurrentValue.MaxRequestBodyBytes : metadata.MaxRequestBodySize;

        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;

        if (http.Request.ContentLength > limit)
            return ProblemWriter.WriteAsync(http,
                Problems.TooLarge($"The request body is {http.Request.ContentLength} bytes; the limit is {limit}."));
        return next(http);
    }
}
