namespace GovReport.EventStore;

/// <summary>The loser of an append race: the stream had moved on. Nothing of the append was stored.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long? actual)
    : Exception($"Stream '{streamId}' is at version {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, not the expected {expected}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;

    /// <summary>The version found, or null where a concurrent writer created the stream first.</summary>
    public long? Actual { get; } = actual;
}
