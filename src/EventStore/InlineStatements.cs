using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Read-model writes that need nothing back from the database, so they can travel with the
/// append itself: one round trip for the whole command, committed or refused as one. Given the
/// events as they will be stored and the stream's earlier events, it adds its statements to
/// <paramref name="into"/> and answers true; it answers false (adding nothing) when the work needs
/// the append's transaction, and the append then runs the <see cref="InlineProjection"/> instead.
/// The events' <see cref="RecordedEvent.Position"/> is not known yet (the insert assigns it) and
/// reads as zero: statements must not depend on it.
/// </summary>
public delegate bool InlineStatements(
    IReadOnlyList<RecordedEvent> events, IReadOnlyList<RecordedEvent> earlier, IList<NpgsqlBatchCommand> into);
