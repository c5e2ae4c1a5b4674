using System.Diagnostics;
using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// The one place problems are shaped and written. Registered ahead of the framework's writer and
/// it accepts every request, so a client that sent <c>Accept: text/csv</c> still gets
/// problem+json rather than a plain-text status line.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        Shape(http, problem);
        var options = json.Value.SerializerOptions;
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, options.GetTypeInfo(problem.GetType()), ContentType, http.RequestAborted));
    }

    internal static void Shape(HttpContext http, ProblemDetails problem)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        if (!problem.Extensions.TryGetValue(Problems.CodeKey, out var code) || code is not string)
        {
            code = Problems.CodeFor(status);
            problem.Extensions[Problems.CodeKey] = code;
        }
        if (problem.Type is null || !problem.Type.StartsWith(Problems.TypeBase, StringComparison.Ordinal))
            problem.Type = Problems.TypeOf((string)code);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Instance ??= http.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        var correlation = http.RequestServices?.GetService<RequestContext>()?.CorrelationId;
        if (correlation is not null) problem.Extensions["correlationId"] = correlation;
    }
}

/// <summary>Writes a problem from middleware or an authentication handler.</summary>
public static class ProblemWriter
{
    public static Task WriteAsync(HttpContext http, ProblemHttpResult problem) => problem.ExecuteAsync(http);
}
