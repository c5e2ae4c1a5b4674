namespace GovReport.EventStore;

/// <summary>
/// An event as stored. <see cref="Position"/> is its place in the subscription order
/// (commit transaction id, then sequence); <see cref="Version"/> its place in its stream.
/// </summary>
public sealed record RecordedEvent(
    long Sequence,
    ulong TransactionId,
    string StreamId,
    long Version,
    string Type,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt,
    Guid EventId)
{
    public SubscriptionPosition Position => new(TransactionId, Sequence);
}

/// <summary>
/// Where a subscriber has read up to. Ordered by transaction id first: a global sequence alone
/// skips events whose transaction commits after a later-numbered one.
/// </summary>
public readonly record struct SubscriptionPosition(ulong TransactionId, long Sequence) : IComparable<SubscriptionPosition>
{
    public static SubscriptionPosition Start { get; } = new(0, 0);

    public int CompareTo(SubscriptionPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(SubscriptionPosition a, SubscriptionPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(SubscriptionPosition a, SubscriptionPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(SubscriptionPosition a, SubscriptionPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SubscriptionPosition a, SubscriptionPosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{TransactionId}/{Sequence}";
}

/// <summary>What an append stored: the stream's new version and the events as recorded.</summary>
public sealed record AppendResult(long NextVersion, IReadOnlyList<RecordedEvent> Events);

/// <summary>A stream as a command read it: its events, its version and the hash its next event chains to.</summary>
public sealed record StreamSnapshot(string StreamId, IReadOnlyList<RecordedEvent> Events, long Version, byte[] HeadHash);
