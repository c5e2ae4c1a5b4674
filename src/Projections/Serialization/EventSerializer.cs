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
        EventTypes.TryGetType(type, out var clrType) && clrType is not null
            ? JsonSerializer.Deserialize(json, clrType, Options)
            : null;

    /// <summary>
    /// A page of the log with each event decoded once, for every projector that reads it. Large
    /// pages decode on every core: reading JSON is most of a rebuild's work.
    /// </summary>
    public static IReadOnlyList<DecodedEvent> Decode(IReadOnlyList<RecordedEvent> page)
    {
        var decoded = new DecodedEvent[page.Count];
        if (page.Count < 256)
            for (var i = 0; i < page.Count; i++) decoded[i] = new DecodedEvent(page[i], Deserialize(page[i]));
        else
            Parallel.For(0, page.Count, i => decoded[i] = new DecodedEvent(page[i], Deserialize(page[i])));
        return decoded;
    }

    public static IEnumerable<T> DeserializeAll<T>(IEnumerable<RecordedEvent> recorded) where T : class =>
        recorded.Select(Deserialize).OfType<T>();
}

/// <summary>A stored event and the domain event it holds (null for a type this version does not know).</summary>
public sealed record DecodedEvent(RecordedEvent Recorded, object? Event);
