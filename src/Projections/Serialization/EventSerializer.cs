using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.Domain;
using GovReport.Domain.Reports;
using GovReport.EventStore;

namespace GovReport.Projections.Serialization;

/// <summary>
/// Domain events to and from stored JSON, under their stable names (never .NET type names, so a
/// class can move or be renamed without orphaning history).
/// </summary>
public static class EventSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new FigureValuesJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static (string Type, string Json) Serialize(object @event) =>
        (EventTypes.NameOf(@event), JsonSerializer.Serialize(@event, @event.GetType(), Options));

    public static NewEvent ToNew(object @event, EventMetadata metadata)
    {
        var (type, json) = Serialize(@event);
        return new NewEvent(type, json, metadata);
    }

    /// <summary>The domain event a stored one holds; null for a type this version does not know.</summary>
    public static object? Deserialize(RecordedEvent recorded) => Deserialize(recorded.Type, recorded.Data);

    public static object? Deserialize(string type, string json) =>
        type == ReportSubmittedName && ReportSubmittedJson.TryRead(json) is { } submitted ? submitted
        : EventTypes.TryGetType(type, out var clrType) && clrType is not null
            ? JsonSerializer.Deserialize(json, clrType, Options)
            : null;

    private static readonly string ReportSubmittedName = EventTypes.NameOf(typeof(ReportSubmitted));

    /// <summary>
    /// A page of the log with each event decoded once, for every projector that reads it. Large
    /// pages decode on every core: reading JSON is most of a rebuild's work.
    /// </summary>
    public static IReadOnlyList<DecodedEvent> Decode(IReadOnlyList<RecordedEvent> page)
    {
        var decoded = new DecodedEvent[page.Count];
        if (page.Count < 256)
            for (var i = 0; i < page.Count; i++) decoded[i] = TryDecode(page[i]);
        else
            Parallel.For(0, page.Count, i => decoded[i] = TryDecode(page[i]));
        return decoded;
    }

    /// <summary>
    /// One body this version cannot read must not make the whole page unreadable: it is decoded
    /// to no event, with the reason, and a projector that needed it reports it as a poison event.
    /// </summary>
    private static DecodedEvent TryDecode(RecordedEvent recorded)
    {
        try { return new DecodedEvent(recorded, Deserialize(recorded)); }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            return new DecodedEvent(recorded, null) { Unreadable = e };
        }
    }

    public static IEnumerable<T> DeserializeAll<T>(IEnumerable<RecordedEvent> recorded) where T : class =>
        recorded.Select(Deserialize).OfType<T>();
}

/// <summary>A stored event and the domain event it holds (null for a type this version does not know, or cannot read).</summary>
public sealed record DecodedEvent(RecordedEvent Recorded, object? Event)
{
    /// <summary>Why a known type's body could not be read; null when it was read (or the type is unknown).</summary>
    public Exception? Unreadable { get; init; }
}
