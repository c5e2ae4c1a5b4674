using GovReport.Domain.Errors;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// The one mapping from a decider's refusal to a problem, for reports, the catalogue and plans.
/// A refusal for the state of the stream keeps its own code, which clients switch on; a field
/// the command cannot take is an input error like any other: <c>validation</c>, naming the field.
/// </summary>
internal static class DomainProblems
{
    public static ProblemHttpResult For(DomainError error) => error.Code switch
    {
        ErrorCodes.InvalidTransition => Problems.Conflict(error.Code, error.Message),
        ErrorCodes.RestructuringNotFound => Problems.NotFound(error.Code, error.Message),
        ErrorCodes.ApproverIsSubmitter => Problems.Forbidden(error.Message, error.Code),
        ErrorCodes.NoChange or ErrorCodes.NoValues or ErrorCodes.WrongStream => Problems.Create(
            StatusCodes.Status400BadRequest, error.Code, "The request is not valid.", error.Message, Fields(error)),
        _ => Problems.Validation(Fields(error)),
    };

    /// <summary>The problem a command that did not succeed answers; null when it succeeded.</summary>
    public static ProblemHttpResult? For<TState>(CommandOutcome<TState> outcome) => outcome switch
    {
        { StaleVersion: true } => Problems.PreconditionFailed(
            $"If-Match names a version that is no longer current; the current version is {outcome.Version}. Read it again and retry."),
        { Error: { } error } => For(error),
        _ => null,
    };

    private static Dictionary<string, string[]> Fields(DomainError error) =>
        new(StringComparer.Ordinal) { [error.Field ?? "body"] = [error.Message] };
}
