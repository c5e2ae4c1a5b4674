namespace GovReport.EventStore;

/// <summary>
/// What the writer believes the stream's version to be. Versions count events: a stream with
/// three events is at version 3, and a stream that does not exist yet is at version 0.
/// </summary>
public readonly record struct ExpectedVersion
{
    private readonly long _value;

    private ExpectedVersion(long value) => _value = value;

    /// <summary>Append whatever the stream holds: only for writers that never race (imports into new streams, schedulers guarded otherwise).</summary>
    public static ExpectedVersion Any { get; } = new(-1);

    /// <summary>The stream must not exist yet: the first writer wins, every later one gets a concurrency error.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    public static ExpectedVersion Exactly(long version) =>
        version < 0 ? throw new ArgumentOutOfRangeException(nameof(version)) : new(version);

    public bool IsAny => _value < 0;

    public long Value => _value < 0 ? throw new InvalidOperationException("Any has no value.") : _value;

    public bool Accepts(long actual) => IsAny || actual == _value;

    public override string ToString() => IsAny ? "any" : _value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
