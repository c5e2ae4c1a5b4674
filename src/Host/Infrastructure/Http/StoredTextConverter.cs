using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// Every string a request body carries ends up in a jsonb event, and PostgreSQL refuses the NUL
/// character there (22P05) after the request has passed every other check: refuse it, and the
/// other C0 control characters that no name, reason or narrative needs, while reading the body,
/// so the client gets a 400 naming the field. Tab, line feed and carriage return stay: narratives
/// have paragraphs.
/// </summary>
internal sealed class StoredTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        foreach (var c in text ?? "")
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
                throw new ControlCharacterException();
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Carries its own message to the client: the serializer adds the field's path to it.</summary>
internal sealed class ControlCharacterException() : JsonException("Text may not contain control characters (only tab and line breaks).");
