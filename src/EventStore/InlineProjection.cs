using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Read-model work that must commit with the append or not at all: what a submitting user reads
/// back at once. It runs inside the append's transaction, after the events are inserted.
/// <paramref name="earlier"/> is the stream's history before these events when the append was
/// chained to it (the events a command read and folded, or none for a new stream), so a model
/// folded from the stream need not read its row back first; null when the append does not know it.
/// </summary>
public delegate Task InlineProjection(
    NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events,
    IReadOnlyList<RecordedEvent>? earlier, CancellationToken ct);
