using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Domain.Catalogue;

[JsonConverter(typeof(IndicatorCodeJsonConverter))]
public readonly record struct IndicatorCode : IComparable<IndicatorCode>
{
    public IndicatorCode(string value)
    {
        if (!Slug.IsValid(value)) throw new ArgumentException(Slug.Explain(value, "indicator code"), nameof(value));
        Value = value;
    }

    public string Value { get; }

    public static IndicatorCode Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    public static bool TryParse(string? text, out IndicatorCode id, out string? error)
    {
        if (Slug.IsValid(text))
        {
            (id, error) = (new IndicatorCode(text!), null);
            return true;
        }

        (id, error) = (default, Slug.Explain(text, "indicator code"));
        return false;
    }

    public int CompareTo(IndicatorCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}

public sealed class IndicatorCodeJsonConverter : JsonConverter<IndicatorCode>
{
    public override IndicatorCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, IndicatorCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override IndicatorCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, IndicatorCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);

    private static IndicatorCode Parse(string? text) =>
        IndicatorCode.TryParse(text, out var id, out var error) ? id : throw new JsonException(error);
}
