using GovReport.EventStore;

namespace GovReport.Projections.Poison;

/// <summary>
/// An event a projection could not fold and skipped, with where it lies in the log and why.
/// <see cref="ResolvedAt"/> is set when a retry folded it after all.
/// </summary>
public sealed record ProjectionFailure(
    string Projection, SubscriptionPosition Position, string StreamId, string EventType, string Error,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, int Attempts, DateTimeOffset? ResolvedAt)
{
    public bool Unresolved => ResolvedAt is null;

    public string Describe() => $"{Projection} skipped {EventType} {Position} in {StreamId}: {Error}";
}
