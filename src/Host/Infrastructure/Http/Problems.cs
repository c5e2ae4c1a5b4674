using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// RFC 9457 problems with a stable <c>type</c> (<see cref="TypeBase"/> + code) and a <c>code</c>
/// extension. Feature handlers return these; <see cref="ProblemJsonWriter"/> adds <c>traceId</c>
/// and <c>correlationId</c> when they are written.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://govreport.dev/problems/";
    public const string CodeKey = "code";

    public static string TypeOf(string code) => TypeBase + code;

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Create(StatusCodes.Status400BadRequest, "validation", "The request is not valid.",
            detail ?? "One or more fields are not valid; see errors.", errors);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "The request cannot be processed.", detail);

    public static ProblemHttpResult Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication is required.", detail);

    public static ProblemHttpResult Forbidden(string detail, string code = "forbidden") =>
        Create(StatusCodes.Status403Forbidden, code, "You may not do this.", detail);

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Create(StatusCodes.Status404NotFound, code, "Not found.", detail);

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, "The request conflicts with the current state.", detail);

    public static ProblemHttpResult PreconditionFailed(string detail, string code = "precondition-failed") =>
        Create(StatusCodes.Status412PreconditionFailed, code, "The resource has changed.", detail);

    public static ProblemHttpResult TooLarge(string detail, string code = "too-large") =>
        Create(StatusCodes.Status413PayloadTooLarge, code, "The request body is too large.", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type.", detail);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        Create(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests.", detail);

    public static ProblemHttpResult Internal(string detail) =>
        Create(StatusCodes.Status500InternalServerError, "internal", "An unexpected error occurred.", detail);

    public static ProblemHttpResult Create(
        int status, string code, string title, string? detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Type = TypeOf(code);
        problem.Title = title;
        problem.Status = status;
        problem.Detail = detail;
        problem.Extensions[CodeKey] = code;
        return TypedResults.Problem(problem);
    }

    /// <summary>The code a problem gets when the framework produced it (status-code pages, 405, 415).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        406 => "not-acceptable",
        409 => "conflict",
        412 => "precondition-failed",
        413 => "too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        500 => "internal",
        503 => "unavailable",
        _ => $"http-{status}",
    };
}
