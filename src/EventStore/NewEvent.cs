namespace GovReport.EventStore;

/// <summary>An event to append: its stable type name, its JSON body and its metadata.</summary>
public sealed record NewEvent(string Type, string Data, EventMetadata Metadata, Guid? EventId = null)
{
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Type)) throw new ArgumentException("An event needs a type name.", nameof(Type));
        if (string.IsNullOrWhiteSpace(Data)) throw new ArgumentException("An event needs a JSON body.", nameof(Data));
        Metadata.Validate();
    }
}

/// <summary>One stream's share of a bulk append.</summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<NewEvent> Events);

/// <summary>One stream's share of a bulk append, before its events are encoded (the store encodes them as it hashes).</summary>
public sealed record StreamAppend<T>(string StreamId, ExpectedVersion Expected, IReadOnlyList<T> Events);
