using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Host.Infrastructure.Writes;

/// <summary>
/// Fills what older events did not record from what the log always kept beside them, so a
/// decider sees one shape whatever version wrote the event.
/// </summary>
internal static class EventUpcasts
{
    public static IEnumerable<T> Decode<T>(IEnumerable<RecordedEvent> recorded) where T : class =>
        recorded.Select(r => Upcast(r, EventSerializer.Deserialize(r))).OfType<T>();

    /// <summary>
    /// The same, from events the log's decoder already read (<see cref="EventSerializer.Decode"/>),
    /// so a command decodes its stream once for its decision and its read models. A body that
    /// could not be read fails the command, as reading it here would have.
    /// </summary>
    public static IEnumerable<T> Decode<T>(IReadOnlyList<DecodedEvent> decoded) where T : class
    {
        foreach (var d in decoded)
            if (d.Unreadable is { } unreadable) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unreadable);
        return decoded.Select(d => Upcast(d.Recorded, d.Event)).OfType<T>();
    }

    // A submission recorded before the submitter was kept on the event: its actor submitted it.
    private static object? Upcast(RecordedEvent recorded, object? @event) => @event switch
    {
        ReportSubmitted { SubmittedBy: null } e => e with { SubmittedBy = recorded.Metadata.Actor },
        _ => @event,
    };
}
