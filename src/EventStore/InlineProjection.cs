using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Read-model work that must commit with the append or not at all: what a submitting user reads
/// back at once. It runs inside the append's transaction, after the events are inserted.
/// </summary>
public delegate Task InlineProjection(
    NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
