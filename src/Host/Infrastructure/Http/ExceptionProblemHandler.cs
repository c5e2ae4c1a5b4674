using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// Turns exceptions into problems: binding failures (minimal APIs throw them because
/// <c>ThrowOnBadRequest</c> is on) become 400 with an <c>errors</c> map naming the field, body
/// limits become 413, a database outage 503 with Retry-After (<see cref="DatabaseOutage"/>), and
/// anything else a 500 whose detail is shown only in Development.
/// </summary>
internal sealed partial class ExceptionProblemHandler(IHostEnvironment environment, ILogger<ExceptionProblemHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = 499;
            return true;
        }
        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            // Retries ran out against a stream that kept moving: the client may simply try again.
            GovReport.EventStore.WrongExpectedVersionException => Problems.Conflict("concurrent-modification",
                "Someone else changed this at the same moment; read it again and retry."),
            // The read models did not catch up in time (a summary must include every report).
            TimeoutException => Problems.Create(StatusCodes.Status503ServiceUnavailable, "read-models-behind",
                "The service is catching up.", "The read models are still catching up with the log; retry in a few seconds."),
            // PostgreSQL down or restarting: the client waits and retries, nothing of ours broke.
            _ when DatabaseOutage.Is(exception) => Unavailable(http, exception),
            _ => Internal(exception),
        };
        await ProblemWriter.WriteAsync(http, problem);
        return true;
    }

    private ProblemHttpResult Unavailable(HttpContext http, Exception exception)
    {
        logger.LogWarning("Database unavailable: {Error}", exception.Message);
        return DatabaseOutage.Problem(http);
    }

    private ProblemHttpResult Internal(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return Problems.Internal(environment.IsDevelopment()
            ? $"{exception.GetType().Name}: {exception.Message}"
            : "The error has been logged; quote the traceId when reporting it.");
    }

    internal static ProblemHttpResult FromBadRequest(BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return Problems.TooLarge("The request body exceeds the allowed size.");
            case StatusCodes.Status415UnsupportedMediaType:
                return Problems.UnsupportedMediaType(bad.Message);
            case StatusCodes.Status400BadRequest:
                break;
            default:
                return Problems.Create(bad.StatusCode, Problems.CodeFor(bad.StatusCode), "The request cannot be processed.", bad.Message);
        }

        if (FindJsonException(bad) is { } json)
        {
            var field = FieldOf(json.Path);
            // The serializer's own messages name .NET types; say what is wrong in the client's terms.
            var converting = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            var message = json is ControlCharacterException ? ControlCharacterMessage
                : converting
                ? field == "body" ? "The body does not have the expected shape." : "The value has the wrong type or format."
                : $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
            return Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }, "The request body could not be read.");
        }

        var parameter = ParameterName().Match(bad.Message);
        if (parameter.Success)
            return Problems.Validation(new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [bad.Message] });
        return Problems.Validation(new Dictionary<string, string[]> { ["body"] = [bad.Message] });
    }

    private static readonly string ControlCharacterMessage = new ControlCharacterException().Message;

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
            if (e is JsonException json) return json;
        return null;
    }

    /// <summary>"$.values[0].value" → "values[0].value"; the root is "body".</summary>
    internal static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The framework's binding messages quote the parameter as "Type name".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}
