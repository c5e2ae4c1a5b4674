using GovReport.EventStore;

namespace GovReport.Projections.Poison;

/// <summary>A stored body of a type a projector folds that this version cannot read.</summary>
public sealed class UnreadableEventException(RecordedEvent recorded, Exception inner)
    : Exception($"The body of {recorded.Type} {recorded.Position} in {recorded.StreamId} cannot be read: {inner.Message}", inner);
