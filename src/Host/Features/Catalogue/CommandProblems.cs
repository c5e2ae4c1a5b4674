using GovReport.Domain.Errors;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Catalogue;

/// <summary>The caller's identity as catalogue and plan writes record it; refusals go through <see cref="DomainProblems"/>.</summary>
internal static class CommandProblems
{
    public static EventMetadata Metadata(RequestContext context, string? reason = null, string source = "api")
    {
        var user = context.CurrentUser
            ?? throw new InvalidOperationException("Writes under /api run only for an authenticated caller.");
        return new EventMetadata(Actor: user.Subject, Source: source, CorrelationId: context.CorrelationId, Reason: reason);
    }

    public static string Subject(RequestContext context) =>
        context.CurrentUser?.Subject
        ?? throw new InvalidOperationException("Writes under /api run only for an authenticated caller.");
}
