namespace GovReport.EventStore;

/// <summary>
/// Who, why and from where, stored with every event. Required on every append path: an event
/// without an actor and a source cannot be audited.
/// </summary>
public sealed record EventMetadata(
    string Actor,
    string Source,
    string? CorrelationId = null,
    string? CausationId = null,
    string? Reason = null,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Actor)) throw new ArgumentException("Every event needs an actor.", nameof(Actor));
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException("Every event needs a source.", nameof(Source));
    }
}
