using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Domain.Periods;

public sealed class MonthJsonConverter : JsonConverter<Month>
{
    public override Month Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, Month value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override Month ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Month value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());

    private static Month Parse(string? text) =>
        Month.TryParse(text, out var month, out var error) ? month : throw new JsonException(error);
}
