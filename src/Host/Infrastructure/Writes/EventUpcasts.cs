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

    // A submission recorded before the submitter was kept on the event: its actor submitted it.
    private static object? Upcast(RecordedEvent recorded, object? @event) => @event switch
    {
        ReportSubmitted { SubmittedBy: null } e => e with { SubmittedBy = recorded.Metadata.Actor },
        _ => @event,
    };
}
