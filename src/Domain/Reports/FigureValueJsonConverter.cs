using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Reports;

/// <summary>
/// <c>{"indicator": "forest-planted", "value": 175.158}</c>, read and written by hand: a report
/// carries about a hundred of them, and a rebuild decodes millions.
/// </summary>
public sealed class FigureValueJsonConverter : JsonConverter<FigureValue>
{
    public override FigureValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A figure is an object {indicator, value}.");
        string? indicator = null;
        decimal? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "indicator", StringComparison.OrdinalIgnoreCase)) indicator = reader.GetString();
            else if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase)) value = reader.GetDecimal();
            else reader.Skip();
        }
        if (indicator is null || value is null) throw new JsonException("A figure needs an indicator and a value.");
        return IndicatorCode.TryParse(indicator, out var code, out var error)
            ? new FigureValue(code, value.Value)
            : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, FigureValue figure, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("indicator", figure.Indicator.Value);
        writer.WriteNumber("value", figure.Value);
        writer.WriteEndObject();
    }
}
