using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Domain.Catalogue;

[JsonConverter(typeof(UnitIdJsonConverter))]
public readonly record struct UnitId : IComparable<UnitId>
{
    public UnitId(string value)
    {
        if (!Slug.IsValid(value)) throw new ArgumentException(Slug.Explain(value, "unit id"), nameof(value));
        Value = value;
    }

    public string Value { get; }

    public static UnitId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    public static bool TryParse(string? text, out UnitId id, out string? error)
    {
        if (Slug.IsValid(text))
        {
            (id, error) = (new UnitId(text!), null);
            return true;
        }

        (id, error) = (default, Slug.Explain(text, "unit id"));
        return false;
    }

    public int CompareTo(UnitId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}

public sealed class UnitIdJsonConverter : JsonConverter<UnitId>
{
    public override UnitId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, UnitId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override UnitId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, UnitId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);

    private static UnitId Parse(string? text) =>
        UnitId.TryParse(text, out var id, out var error) ? id : throw new JsonException(error);
}
