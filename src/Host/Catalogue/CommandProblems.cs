using GovReport.Domain.Errors;
using GovReport.EventStore;
using GovReport.Host.Api;
using GovReport.Host.Application;
using GovReport.Host.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Catalogue;

/// <summary>How a decider's answer and the caller's identity cross the HTTP edge for catalogue and plan writes.</summary>
internal static class CommandProblems
{
    /// <summary>The problem a command that did not succeed answers; null when it succeeded.</summary>
    public static ProblemHttpResult? For<TState>(CommandOutcome<TState> outcome) => outcome switch
    {
        { StaleVersion: true } => Problems.PreconditionFailed(
            $"If-Match names a version that is no longer current; the current version is {outcome.Version}."),
        { Error: { Code: "invalid-transition" } error } => Problems.Conflict(error.Code, error.Message),
        { Error: { } error } => FromDomain(error),
        _ => null,
    };

    public static ProblemHttpResult FromDomain(DomainError error) =>
        Problems.Validation(new Dictionary<string, string[]> { [error.Field ?? "body"] = [error.Message] });

    public static EventMetadata Metadata(RequestContext context, string? reason = null)
    {
        var user = context.CurrentUser
            ?? throw new InvalidOperationException("Writes under /api run only for an authenticated caller.");
        return new EventMetadata(Actor: user.Subject, Source: "api", CorrelationId: context.CorrelationId, Reason: reason);
    }

    public static string Subject(RequestContext context) =>
        context.CurrentUser?.Subject
        ?? throw new InvalidOperationException("Writes under /api run only for an authenticated caller.");
}
